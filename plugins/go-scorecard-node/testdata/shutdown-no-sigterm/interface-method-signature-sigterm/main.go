package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// watcher's Run(ctx) has Runner's shape: a call through Runner may run it, and its handler.
type Runner interface {
	Run(ctx context.Context) error
}

type api struct{}

func (api) Run(ctx context.Context) error { return http.ListenAndServe(":8080", nil) }

func main() {
	runners := []Runner{api{}, watcher{}}
	for _, r := range runners {
		go func(r Runner) { log.Print(r.Run(context.Background())) }(r)
	}
	select {}
}

type watcher struct{}

func (watcher) Run(ctx context.Context) error {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM)
	<-ch
	os.Exit(0)
	return nil
}
