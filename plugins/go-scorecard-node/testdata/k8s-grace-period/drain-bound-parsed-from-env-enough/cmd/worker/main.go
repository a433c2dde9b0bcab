package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

func main() {
	// DRAIN_SECONDS counts seconds: the bound is its number times time.Second.
	seconds, err := strconv.Atoi(os.Getenv("DRAIN_SECONDS"))
	if err != nil {
		seconds = 5
	}
	srv := &http.Server{Addr: ":9090"}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
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
