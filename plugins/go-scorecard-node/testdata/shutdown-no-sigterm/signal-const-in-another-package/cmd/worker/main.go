package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"

	"example.com/shop/internal/sigs"
)

// sigs.Int is syscall.SIGINT only: Kubernetes' SIGTERM still kills the process.
func main() {
	srv := &http.Server{Addr: ":9090"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) { // want "shutdown-no-sigterm"
			log.Fatal(err)
		}
	}()
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs.Int)
	<-c
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}
