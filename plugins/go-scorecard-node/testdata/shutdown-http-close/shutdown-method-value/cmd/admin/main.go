package main

import (
	"errors"
	"log"
	"net/http"

	"example.com/shop/internal/lifecycle"
)

// Only Close is handed on: the server is never drained.
func main() {
	srv := &http.Server{Addr: ":9090"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) { // want "shutdown-http-close"
			log.Fatal(err)
		}
	}()
	lifecycle.OnStop(srv.Close)
}
