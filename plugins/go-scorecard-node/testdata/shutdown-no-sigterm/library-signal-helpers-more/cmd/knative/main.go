package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"time"

	"knative.dev/pkg/signals"
)

// Knative's signals.NewContext is done on SIGINT or SIGTERM.
func main() {
	ctx := signals.NewContext()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
}
