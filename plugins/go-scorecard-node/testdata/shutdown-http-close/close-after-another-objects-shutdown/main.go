package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// tracerProvider stands for an OpenTelemetry SDK TracerProvider: it has a Shutdown too.
type tracerProvider struct{}

func (tracerProvider) Shutdown(context.Context) error { return nil }

func main() {
	tp := tracerProvider{}
	api := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":9090"}
	go func() {
		if err := api.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	go func() {
		if err := admin.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	<-ctx.Done()
	flush, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// The tracer's Shutdown flushes spans; it drains no server.
	if err := tp.Shutdown(flush); err != nil {
		log.Printf("flush spans: %v", err)
	}
	api.Close() // want "shutdown-http-close"
	// The admin server is drained: its own Shutdown, after the API's Close, is no fallback for it.
	if err := admin.Shutdown(flush); err != nil {
		admin.Close()
	}
}
