package main

import (
	"os"
	"syscall"
)

var (
	// shutdownSignals are the signals that stop the server, Kubernetes' SIGTERM among them.
	shutdownSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}
)
