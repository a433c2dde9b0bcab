package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/ardanlabs/conf/v3"
)

type config struct {
	Web struct {
		APIHost         string        `conf:"default:0.0.0.0:3000"`
		ShutdownTimeout time.Duration `conf:"default:1m"`
	}
}

func main() {
	var cfg config
	if _, err := conf.Parse("SALES", &cfg); err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	api := &http.Server{Addr: cfg.Web.APIHost}
	go func() {
		if err := api.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	drain, cancel := context.WithTimeout(context.Background(), cfg.Web.ShutdownTimeout)
	defer cancel()
	if err := api.Shutdown(drain); err != nil {
		api.Close()
	}
}
