package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// A go statement's arguments are evaluated in the calling goroutine (Go spec, "Go statements"):
// ListenAndServe blocks main here, and Notify below never runs.
func main() {
	go log.Fatal(http.ListenAndServe(":8080", nil)) // want "shutdown-no-sigterm: installed only after http.ListenAndServe"

	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	log.Print("bye")
}
