package main

import (
	"context"
	"time"
)

// Control: Close without trying Shutdown first.
func main() {
	serve()
	_ = context.Background
	_ = time.Second
	srv.Close() // want "shutdown-http-close"
}
