package main

import (
	"os"
	"syscall"
)

// shutdownSignals are the signals that stop the server: Ctrl-C only.
var shutdownSignals = []os.Signal{os.Interrupt, syscall.SIGINT}
