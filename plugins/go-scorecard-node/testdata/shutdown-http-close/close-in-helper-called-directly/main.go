package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"
	"time"

	"example.com/shop/internal/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := server.New(":8080")
	go func() {
		if err := srv.ListenAndServe(); err != nil {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if time.Now().Weekday() == time.Sunday {
		_ = srv.Stop()
		return
	}
	_ = srv.Shutdown(sctx)
}
