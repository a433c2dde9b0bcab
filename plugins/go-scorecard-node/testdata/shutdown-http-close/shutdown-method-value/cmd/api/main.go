package main

import (
	"errors"
	"log"
	"net/http"

	"example.com/shop/internal/lifecycle"
)

// srv.Shutdown handed on as a method value: WaitAndShutdown calls it with its 40 s context.
func main() {
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	lifecycle.WaitAndShutdown(srv.Shutdown)
}
