package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"

	"example.com/api/internal/server"
)

func main() {
	s := server.New()
	go func() {
		if err := s.Run(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	if err := s.Shutdown(context.Background()); err != nil {
		log.Print(err)
	}
}
