package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"example.com/shop/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	if err := server.Serve(ctx, &http.Server{Addr: ":8080"}, 15*time.Second); err != nil {
		log.Fatal(err)
	}
}
