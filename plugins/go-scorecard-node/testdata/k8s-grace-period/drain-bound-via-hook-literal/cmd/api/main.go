package main

import (
	"context"
	"errors"
	"log"
	"net/http"

	"example.com/shop/internal/lifecycle"
)

// The drain's context is the hook's parameter: what WaitAndShutdown calls the hook with.
func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	lifecycle.WaitAndShutdown(func(ctx context.Context) error {
		return srv.Shutdown(ctx)
	})
}
