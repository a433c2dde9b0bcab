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

// The drain bound is a duration string of a config field, defaulted when the variable is unset.
type config struct {
	ShutdownTimeout string
}

func load() config {
	var c config
	c.ShutdownTimeout = os.Getenv("SHUTDOWN_TIMEOUT")
	if c.ShutdownTimeout == "" {
		c.ShutdownTimeout = "45s"
	}
	return c
}

func main() {
	cfg := load()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	d, err := time.ParseDuration(cfg.ShutdownTimeout)
	if err != nil {
		d = 5 * time.Second
	}
	sctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	_ = srv.Shutdown(sctx)
}
