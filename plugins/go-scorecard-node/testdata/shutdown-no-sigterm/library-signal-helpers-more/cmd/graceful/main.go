package main

import (
	"log"
	"net/http"

	"github.com/ory/graceful"
)

// ory/graceful runs ListenAndServe and calls Shutdown on SIGINT or SIGTERM.
func main() {
	srv := graceful.WithDefaults(&http.Server{Addr: ":8080"})
	if err := graceful.Graceful(srv.ListenAndServe, srv.Shutdown); err != nil {
		log.Fatal(err)
	}
}
