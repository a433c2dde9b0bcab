// The defer belongs to a function literal called before serving: it runs when the literal returns.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func watch(srv *http.Server) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	go func() {
		defer stop()
		<-ctx.Done()
		c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(c)
	}()
}

func main() {
	srv := &http.Server{Addr: ":8083"}
	func() {
		defer watch(srv)
	}()
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		panic(err)
	}
}
