// run blocks serving; the handler main installs after it is too late.
package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

func run(srv *http.Server) error {
	return srv.ListenAndServe() // want "shutdown-no-sigterm"
}

func waitForSignal() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM)
	<-ch
}

func main() {
	srv := &http.Server{Addr: ":8080"}
	if err := run(srv); err != nil && err != http.ErrServerClosed {
		log.Fatal(err)
	}
	waitForSignal()
}
