package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

func serve(srv *http.Server) {
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
}

// The drain runs in a goroutine; Close is the deadline's fallback when it has not ended.
func drainOrClose(api *http.Server) {
	done := make(chan struct{})
	go func() {
		_ = api.Shutdown(context.Background())
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = api.Close()
	}
}

// Close once every drain has ended.
func drainAll(admin *http.Server) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = admin.Shutdown(ctx)
	}()
	wg.Wait()
	_ = admin.Close()
}

// Waiting for the signal that starts the drain is not waiting for the drain: Close cuts it.
func closeOnSignal(ctx context.Context, metrics *http.Server) {
	go func() {
		<-ctx.Done()
		_ = metrics.Shutdown(context.Background())
	}()
	<-ctx.Done()
	_ = metrics.Close() // want "shutdown-http-close"
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	api := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":8081"}
	metrics := &http.Server{Addr: ":9090"}
	serve(api)
	serve(admin)
	serve(metrics)
	go closeOnSignal(ctx, metrics)
	<-ctx.Done()
	drainOrClose(api)
	drainAll(admin)
}
