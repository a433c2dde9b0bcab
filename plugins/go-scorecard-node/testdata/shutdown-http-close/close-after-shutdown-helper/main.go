package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"example.com/web/internal/server"
)

func main() {
	srv := server.New(":8080")
	go func() {
		if err := srv.Run(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	switch os.Getenv("STOP") {
	case "with":
		srv.StopWith(context.Background())
	case "fast":
		srv.StopFast(context.Background(), true)
	default:
		srv.Stop(context.Background())
	}
}
