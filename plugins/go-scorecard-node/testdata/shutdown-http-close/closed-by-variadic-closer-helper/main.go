package main

import (
	"errors"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"example.com/gateway/internal/closer"
)

// Both servers are handed to helpers that close every io.Closer they are given: each is closed
// at that call, not drained (and not reported again at its serve call).
func main() {
	api := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":9090"}
	for _, srv := range []*http.Server{api, admin} {
		go func(srv *http.Server) {
			if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
				log.Fatal(err)
			}
		}(srv)
	}
	f, err := os.Open("/etc/gateway.yaml")
	if err != nil {
		log.Fatal(err)
	}
	defer closer.All(f)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	closer.All(f, api)                 // want "shutdown-http-close: All closes the http.Server it is given \(c.Close\(\) at internal/closer/closer.go:12\)"
	closer.Each([]io.Closer{f, admin}) // want "shutdown-http-close: Each closes the http.Server it is given"
}
