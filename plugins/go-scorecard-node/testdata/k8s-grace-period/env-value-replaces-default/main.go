package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/caarlos0/env/v10"
)

type config struct {
	ShutdownTimeout time.Duration `env:"SHUTDOWN_TIMEOUT" envDefault:"45s"`
	MetricsDrain    time.Duration `env:"METRICS_DRAIN" envDefault:"42s"`
}

func main() {
	var cfg config
	if err := env.Parse(&cfg); err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Addr: ":8080"}
	metrics := &http.Server{Addr: ":9090"}
	for _, s := range []*http.Server{srv, metrics} {
		go func(s *http.Server) {
			if err := s.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
				log.Fatal(err)
			}
		}(s)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	mctx, mcancel := context.WithTimeout(context.Background(), cfg.MetricsDrain)
	defer mcancel()
	// The metrics server drains beside the API server: the longer bound counts, not their sum.
	go func() { _ = metrics.Shutdown(mctx) }()
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	_ = srv.Shutdown(sctx)
}
