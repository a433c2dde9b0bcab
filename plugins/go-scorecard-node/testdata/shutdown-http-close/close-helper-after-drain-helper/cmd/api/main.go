// The drain and the forced close are both helpers: forceClose runs only where drain returned an error.
package main

import (
	"context"
	"time"

	"example.com/tmpl/internal/app"
)

func drain() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return app.Srv.Shutdown(ctx)
}

func forceClose() { _ = app.Srv.Close() }

func main() {
	app.Serve()
	if err := drain(); err != nil {
		forceClose()
	}
}
