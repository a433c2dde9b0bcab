// Package app runs the service's servers and stops them on termination.
package app

import (
	"context"
	"errors"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

// Server is a transport the app starts and stops.
type Server interface {
	Start(context.Context) error
	Stop(context.Context) error
}

// App owns the servers.
type App struct {
	servers     []Server
	stopTimeout time.Duration
}

// New returns an app running servers, each stopped within stopTimeout.
func New(stopTimeout time.Duration, servers ...Server) *App {
	return &App{servers: servers, stopTimeout: stopTimeout}
}

// Run starts every server and stops them all on SIGINT or SIGTERM.
func (a *App) Run() error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	g, gctx := errgroup.WithContext(ctx)
	for _, srv := range a.servers {
		srv := srv
		g.Go(func() error {
			<-gctx.Done()
			sctx, cancel := context.WithTimeout(context.Background(), a.stopTimeout)
			defer cancel()
			return srv.Stop(sctx)
		})
		g.Go(func() error {
			return srv.Start(gctx)
		})
	}
	if err := g.Wait(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
