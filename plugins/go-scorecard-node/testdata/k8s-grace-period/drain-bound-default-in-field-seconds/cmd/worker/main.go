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

// The drain bound is a number of seconds a field holds, defaulted when the variable gives none.
type options struct {
	DrainSeconds int
}

func parse() *options {
	o := &options{}
	o.DrainSeconds, _ = strconv.Atoi(os.Getenv("DRAIN_SECONDS"))
	if o.DrainSeconds == 0 {
		o.DrainSeconds = 50
	}
	return o
}

func main() {
	o := parse()
	srv := &http.Server{Addr: ":9090"}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), time.Duration(o.DrainSeconds)*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
}
