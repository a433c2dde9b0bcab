package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// The serve call is inside the goroutine's function: main goes on to Notify.
func main() {
	go func() { log.Fatal(http.ListenAndServe(":9090", nil)) }()

	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	log.Print("bye")
}
