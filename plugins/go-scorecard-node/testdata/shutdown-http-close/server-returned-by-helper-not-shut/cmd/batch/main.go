package main

import (
	"context"
	"log"
	"os/signal"
	"syscall"

	"example.com/shop/telemetry"
)

// This binary handles SIGTERM but never shuts the returned server down.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	if _, err := telemetry.StartMetrics(":9091"); err != nil {
		log.Fatal(err)
	}
	<-ctx.Done()
}
