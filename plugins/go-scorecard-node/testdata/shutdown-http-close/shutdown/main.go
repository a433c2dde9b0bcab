package main

import (
	"context"
	"log"
	web "net/http"
	"os/signal"
	"syscall"
	"time"
)

func newServer() *web.Server {
	return &web.Server{Addr: ":8080"}
}

// A server from a constructor, under an aliased import, drained with Shutdown(ctx).
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := newServer()
	go func() {
		if err := srv.ListenAndServe(); err != web.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	drain, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(drain); err != nil {
		log.Print(err)
	}
}
