package main

import (
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func closeQuietly(c io.Closer) { _ = c.Close() }

// api and admin are closed (each finding at its Close); the debug and metrics servers are never
// drained nor closed: each is still reported at its serve call.
func main() {
	go func() {
		l, _ := net.Listen("tcp", ":6060")
		_ = http.Serve(l, http.DefaultServeMux) // want "shutdown-http-close: never shuts down the HTTP server served by http.Serve"
	}()
	api := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":8081"}
	metrics := &http.Server{Addr: ":9090"}
	go func() {
		if err := api.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	go func() {
		if err := admin.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	go func() {
		if err := metrics.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) { // want "shutdown-http-close: never shuts down the HTTP server served by metrics.ListenAndServe"
			log.Fatal(err)
		}
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	api.Close()         // want "shutdown-http-close: api.Close.. closes the http.Server at once"
	closeQuietly(admin) // want "shutdown-http-close: closeQuietly closes the http.Server it is given"
}
