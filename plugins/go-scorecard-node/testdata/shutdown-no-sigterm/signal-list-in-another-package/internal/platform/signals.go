// Package platform holds what every binary of the shop shares.
package platform

import "os"

// ShutdownSignals stop a binary: Ctrl-C only.
var ShutdownSignals = []os.Signal{os.Interrupt}
