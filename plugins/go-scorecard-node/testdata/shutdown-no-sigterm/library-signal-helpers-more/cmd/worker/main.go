package main

import (
	"context"
	"errors"
	"log"
	"net/http"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
)

// A Temporal worker with a metrics endpoint: worker.InterruptCh receives on SIGTERM.
func main() {
	c, err := client.Dial(client.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	metrics := &http.Server{Addr: ":9090"}
	go func() {
		if err := metrics.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	w := worker.New(c, "orders", worker.Options{})
	if err := w.Run(worker.InterruptCh()); err != nil {
		log.Print(err)
	}
	_ = metrics.Shutdown(context.Background())
}
