package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"go.uber.org/zap"
)

// Both serve errors are fatal, so a graceful Shutdown exits the process as a failure.
func main() {
	logger := zap.NewExample()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	api := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":9090"}
	go func() {
		log.Fatal(api.ListenAndServe()) // want "shutdown-errserverclosed"
	}()
	go func() {
		err := admin.ListenAndServe() // want "shutdown-errserverclosed"
		if err != nil {
			logger.Fatal("admin server", zap.Error(err))
		}
	}()
	<-ctx.Done()
	drain, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = api.Shutdown(drain)
	_ = admin.Shutdown(drain)
}
