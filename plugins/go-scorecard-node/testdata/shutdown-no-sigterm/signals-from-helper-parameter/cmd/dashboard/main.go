package main

import (
	"context"
	"net/http"
	"os"

	"example.com/shop/internal/graceful"
)

func main() {
	srv := &http.Server{Addr: ":8081"}
	// The same helper, told to wait for Ctrl-C only: SIGTERM kills this binary mid-request.
	go srv.ListenAndServe() // want "shutdown-no-sigterm"
	graceful.Wait(os.Interrupt)
	_ = srv.Shutdown(context.Background())
}
