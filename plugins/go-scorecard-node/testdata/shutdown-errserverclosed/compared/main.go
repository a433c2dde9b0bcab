package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

// ErrServerClosed is expected after Shutdown: compared with == and errors.Is.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	api := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":9090"}
	go func() {
		if err := api.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	go func() {
		if err := admin.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatalf("admin: %v", err)
		}
	}()
	<-ctx.Done()
	drain, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = api.Shutdown(drain)
	_ = admin.Shutdown(drain)
}
