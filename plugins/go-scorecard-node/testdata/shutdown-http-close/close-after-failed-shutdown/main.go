package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	api := http.Server{Addr: ":3000", Handler: http.NotFoundHandler()}
	errs := make(chan error, 1)
	go func() { errs <- api.ListenAndServe() }()
	select {
	case err := <-errs:
		return err
	case <-sigs:
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		// Drain first; only a drain that runs past its deadline is cut short.
		if err := api.Shutdown(ctx); err != nil {
			api.Close()
			return fmt.Errorf("could not stop gracefully: %w", err)
		}
	}
	return nil
}
