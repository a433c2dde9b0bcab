// A deferred helper installs the handler: main's deferred calls run after Serve returns.
package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func handleSignals(srv *http.Server) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}

func main() {
	lis, err := net.Listen("tcp", ":8081")
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{}
	if os.Getenv("DEBUG") != "" {
		defer handleSignals(srv)
	}
	err = srv.Serve(lis) // want "shutdown-no-sigterm"
	log.Print(err)
}
