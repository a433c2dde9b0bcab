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

// The serve error travels over a channel; main ends the process on whatever arrives.
func main() {
	srv := &http.Server{Addr: ":8080"}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }() // want "shutdown-errserverclosed"
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM)
		<-sig
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}()
	if err := <-errc; err != nil {
		log.Fatal(err)
	}
}
