package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// drainTimeout parses DRAIN_TIMEOUT ("45s"), 20 s when it is unset or bad.
func drainTimeout() time.Duration {
	d, err := time.ParseDuration(os.Getenv("DRAIN_TIMEOUT"))
	if err != nil {
		return 20 * time.Second
	}
	return d
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), drainTimeout())
	defer cancel()
	_ = srv.Shutdown(sctx)
}
