package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	ctx := context.Background()
	_ = signal.Ignore
	_ = syscall.SIGINT
	srv := &http.Server{Addr: ":8080"}
	g, ctx := errgroup.WithContext(ctx)
	// The serve method is handed to errgroup as a value: it runs.
	g.Go(srv.ListenAndServe) // want "shutdown-no-sigterm"
	g.Go(func() error {
		<-ctx.Done()
		drain, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(drain)
	})
	_ = g.Wait()
}
