package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"
	"time"

	"example.com/shop/telemetry"
)

// The server the helper returns is shut down here.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	metrics, err := telemetry.StartMetrics(":9090")
	if err != nil {
		log.Fatal(err)
	}
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = metrics.Shutdown(sctx)
}
