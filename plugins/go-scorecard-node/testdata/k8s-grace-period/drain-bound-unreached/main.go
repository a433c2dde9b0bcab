package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"

	"example.com/shop/drain"
)

// main drains through drain.Server (40 s); stopper.GracefulStopWithTimeout (2 min) is linked
// into no binary's run: no function main reaches calls it, so its timer bounds nothing.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	drain.Server(srv)
}
