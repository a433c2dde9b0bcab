// The helper installs the handler before main blocks serving.
package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func setup(srv *http.Server) {
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
	srv := &http.Server{Addr: ":8080"}
	setup(srv)
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		panic(err)
	}
}
