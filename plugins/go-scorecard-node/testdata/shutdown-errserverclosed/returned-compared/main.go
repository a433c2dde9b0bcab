package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"example.com/shop/internal/httpx"
)

func main() {
	if err := run(); err != nil {
		log.Fatalf("api: %v", err)
	}
	admin := &http.Server{Addr: ":9090"}
	go drainOnSignal(admin)
	// The comparison is one call away, in a helper.
	if err := admin.ListenAndServe(); err != nil && !httpx.IsClosed(err) {
		log.Fatal(err)
	}
	metrics := &http.Server{Addr: ":9091"}
	go drainOnSignal(metrics)
	// A caller that does not end the process on the error.
	if err := serveMetrics(metrics); err != nil {
		log.Printf("metrics: %v", err)
	}
}

func drainOnSignal(srv *http.Server) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
}

// run returns nil after a graceful shutdown.
func run() error {
	srv := &http.Server{Addr: ":8080"}
	go drainOnSignal(srv)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func serveMetrics(srv *http.Server) error {
	return srv.ListenAndServe()
}
