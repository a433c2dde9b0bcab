// Package sigs names the signals the shop's binaries stop on.
package sigs

import "syscall"

// Term is what Kubernetes sends a pod to stop it.
const Term = syscall.SIGTERM

// Int is Ctrl-C.
const Int = syscall.SIGINT
