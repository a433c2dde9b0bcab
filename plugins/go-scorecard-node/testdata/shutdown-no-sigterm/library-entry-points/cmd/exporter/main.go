package main

import (
	"log"
	"net/http"

	"github.com/prometheus/exporter-toolkit/web"
)

// exporter-toolkit's web.ListenAndServe serves the server it is handed; nothing handles SIGTERM.
func main() {
	server := &http.Server{}
	flags := &web.FlagConfig{}
	if err := web.ListenAndServe(server, flags, nil); err != nil { // want "shutdown-no-sigterm"
		log.Fatal(err)
	}
}
