// The drain and the forced close are both helpers: forceClose runs only where drain returned an error.
package main

import (
	"context"
	"time"
)

func drain() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

func forceClose() { _ = srv.Close() }

func main() {
	serve()
	if err := drain(); err != nil {
		forceClose()
	}
}
