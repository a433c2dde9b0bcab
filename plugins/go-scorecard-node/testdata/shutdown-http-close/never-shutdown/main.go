package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// SIGTERM is caught, but the package-level ListenAndServe has no way to drain.
func main() {
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM)
		<-sig
		log.Print("terminating")
		os.Exit(0)
	}()
	log.Fatal(http.ListenAndServe(":8080", nil)) // want "shutdown-http-close"
}
