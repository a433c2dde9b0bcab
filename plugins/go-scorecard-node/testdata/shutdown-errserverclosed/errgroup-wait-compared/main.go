package main

import (
	"context"
	"errors"
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
	g.Go(func() error {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	})
	g.Go(func() error {
		<-gctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	})
	// The group's Wait is checked against ErrServerClosed too.
	other := &http.Server{Addr: ":8081"}
	var h errgroup.Group
	h.Go(func() error { return other.ListenAndServe() })
	if err := h.Wait(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
	if err := g.Wait(); err != nil {
		log.Fatalf("gateway: %v", err)
	}
}
