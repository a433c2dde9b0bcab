package main

import (
	"log"
	"log/slog"
	"net"
	"net/http"

	"github.com/prometheus/exporter-toolkit/web"
)

func main() {
	l, err := net.Listen("tcp", ":9100")
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{}
	flags := &web.FlagConfig{}
	if err := web.ServeMultiple([]net.Listener{l}, srv, flags, slog.Default()); err != nil { // want "shutdown-no-sigterm"
		log.Fatal(err)
	}
}
