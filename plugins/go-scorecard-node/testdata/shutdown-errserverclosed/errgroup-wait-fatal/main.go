package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	g, gctx := errgroup.WithContext(ctx)
	// Wait returns the first error: ErrServerClosed on every SIGTERM, and the process exits 1.
	g.Go(func() error { return srv.ListenAndServe() }) // want "shutdown-errserverclosed"
	g.Go(func() error {
		<-gctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	})
	if err := g.Wait(); err != nil {
		log.Fatalf("gateway: %v", err)
	}
}
