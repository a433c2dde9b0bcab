package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

type app struct{ errs chan error }

// A select case that receives the error and ends the process.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	a := app{errs: make(chan error, 1)}
	srv := &http.Server{Addr: ":9090"}
	go func() {
		a.errs <- srv.ListenAndServe() // want "shutdown-errserverclosed"
	}()
	select {
	case err := <-a.errs:
		log.Fatalf("admin server: %v", err)
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdownCtx)
		log.Fatal(<-a.errs)
	}
}
