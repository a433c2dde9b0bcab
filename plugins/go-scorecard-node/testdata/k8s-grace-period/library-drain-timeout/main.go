package main

import (
	"log"
	"net/http"
	"time"

	routing "github.com/go-ozzo/ozzo-routing/v2"
)

const drain = 45 * time.Second

// The library drains hs for up to 45 s after SIGTERM.
func main() {
	hs := &http.Server{Addr: ":8080", Handler: routing.New()}
	go routing.GracefulShutdown(hs, drain, log.Printf)
	if err := hs.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
}
