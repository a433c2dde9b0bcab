package main

import (
	"log"
	"net/http"
	"time"

	"github.com/go-ozzo/ozzo-routing/v2"
)

// ozzo-routing's GracefulShutdown waits for SIGINT or SIGTERM, then drains hs for up to 10 s.
// (The package's name is routing: its path's last element, ozzo-routing, is no identifier.)
func main() {
	hs := &http.Server{Addr: ":8080", Handler: routing.New()}
	go routing.GracefulShutdown(hs, 10*time.Second, log.Printf)
	if err := hs.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
}
