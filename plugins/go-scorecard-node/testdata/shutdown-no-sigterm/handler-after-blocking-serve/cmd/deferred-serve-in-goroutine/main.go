// The handler is deferred but main serves in a goroutine: main returns into it at once.
package main

import (
	"context"
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
	srv := &http.Server{Addr: ":8082"}
	defer handleSignals(srv)
	go func() { _ = srv.ListenAndServe() }()
}
