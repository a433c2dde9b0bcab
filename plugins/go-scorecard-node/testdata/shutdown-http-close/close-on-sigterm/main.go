package main

import (
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

type app struct {
	srv *http.Server
}

// The server is a struct field, closed (not shut down) on SIGTERM.
func main() {
	a := &app{srv: &http.Server{Addr: ":8080"}}
	go func() {
		if err := a.srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	a.srv.Close() // want "shutdown-http-close"
}
