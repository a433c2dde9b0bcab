package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"example.com/pricing/internal/env"
)

func main() {
	seconds, err := strconv.Atoi(env.Get("DRAIN_SECONDS", "15"))
	if err != nil {
		seconds = 15
	}
	srv := &http.Server{Addr: ":9090"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), time.Duration(seconds)*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
}
