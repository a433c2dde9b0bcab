package main

import (
	"log"
	"net/http"

	"github.com/coredns/caddy"
)

// Caddy's TrapSignals handles SIGTERM (shutdown callbacks, then exit).
func main() {
	caddy.TrapSignals()
	log.Fatal(http.ListenAndServe(":8080", nil))
}
