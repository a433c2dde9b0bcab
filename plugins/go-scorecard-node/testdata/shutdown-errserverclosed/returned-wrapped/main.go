package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if err := run(); err != nil {
		log.Fatalf("api: %v", err)
	}
	metrics := &http.Server{Addr: ":9100", ReadHeaderTimeout: time.Second}
	go drainOnSignal(metrics)
	log.Fatal(fmt.Errorf("metrics: %w", metrics.ListenAndServe())) // want "shutdown-errserverclosed"
}

func drainOnSignal(srv *http.Server) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
}

// The serve error is wrapped on its way to main's log.Fatalf: after Shutdown it is
// http.ErrServerClosed, and the process exits 1 while the drain runs.
func run() error {
	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: time.Second}
	go drainOnSignal(srv)
	if err := admin(); err != nil {
		return err
	}
	return fmt.Errorf("listen: %w", srv.ListenAndServe()) // want "shutdown-errserverclosed"
}

// Compared before it is wrapped: a graceful stop returns nil.
func admin() error {
	srv := &http.Server{Addr: ":9090", ReadHeaderTimeout: time.Second}
	go drainOnSignal(srv)
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("admin: %w", err)
	}
	return nil
}
