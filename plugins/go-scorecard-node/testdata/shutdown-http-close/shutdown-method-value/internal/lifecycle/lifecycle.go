// Package lifecycle runs the shop's shutdown hooks.
package lifecycle

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// WaitAndShutdown blocks until SIGTERM, then runs every hook under a 40 s bound.
func WaitAndShutdown(hooks ...func(context.Context) error) {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGTERM)
	<-quit
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	for _, h := range hooks {
		_ = h(ctx)
	}
}

// OnStop runs every closer on SIGTERM.
func OnStop(closers ...func() error) {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGTERM)
	<-quit
	for _, c := range closers {
		_ = c()
	}
}
