package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// Runner's Run takes no parameter: watcher's Run(ctx) does not implement it, so r.Run() never
// runs the SIGTERM handler watcher's Run installs.
type Runner interface {
	Run() error
}

type api struct{}

func (api) Run() error { return http.ListenAndServe(":8080", nil) } // want "shutdown-no-sigterm"

func main() {
	var r Runner = api{}
	log.Print(r.Run())
}

type watcher struct{}

func (watcher) Run(ctx context.Context) error {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM)
	select {
	case <-ch:
	case <-ctx.Done():
	}
	return nil
}
