// Package graceful waits for the signals its caller names.
package graceful

import (
	"os"
	"os/signal"
)

// Wait blocks until one of sigs arrives (any signal when none is named).
func Wait(sigs ...os.Signal) os.Signal {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, sigs...)
	return <-ch
}
