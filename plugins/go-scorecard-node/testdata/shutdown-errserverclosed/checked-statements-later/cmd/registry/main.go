package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// The error is checked after waiting for the drain: it is ErrServerClosed then, and fatal.
func main() {
	srv := &http.Server{Addr: ":8080"}
	shutdown := make(chan struct{})
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		<-sig
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		close(shutdown)
	}()
	err := srv.ListenAndServe() // want "shutdown-errserverclosed"
	<-shutdown
	log.Println("registry stopped")
	if err != nil {
		log.Fatal(err)
	}
}
