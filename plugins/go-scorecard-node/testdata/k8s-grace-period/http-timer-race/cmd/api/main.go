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

// The drain is raced against a 40 s timer, Close as the hard stop.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	done := make(chan struct{})
	go func() {
		_ = srv.Shutdown(context.Background())
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(40 * time.Second):
		_ = srv.Close()
	}
}
