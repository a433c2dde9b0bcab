package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if err := run(); err != nil {
		log.Fatalf("api: %v", err)
	}
	admin := &http.Server{Addr: ":9090"}
	go drainOnSignal(admin)
	if err := serveAdmin(admin); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
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

// Shutdown makes ListenAndServe return http.ErrServerClosed at once: run hands it to main,
// whose log.Fatalf exits 1 while the drain is still running.
func run() error {
	srv := &http.Server{Addr: ":8080"}
	go drainOnSignal(srv)
	return srv.ListenAndServe() // want "shutdown-errserverclosed"
}

func serveAdmin(srv *http.Server) error {
	if err := srv.ListenAndServe(); err != nil { // want "shutdown-errserverclosed"
		return fmt.Errorf("admin: %w", err)
	}
	return nil
}
