package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/bot/internal/loggerx"
)

// Each server's error goes to a helper of the tree: two end the process on ErrServerClosed too.
func main() {
	api := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":8081"}
	metrics := &http.Server{Addr: ":9090"}
	health := &http.Server{Addr: ":8086"}
	debug := &http.Server{Addr: ":6060"}
	go func() {
		err := api.ListenAndServe() // want "shutdown-errserverclosed"
		loggerx.ExitOnError(err, "while serving the API")
	}()
	go func() {
		loggerx.ExitOnError(admin.ListenAndServe(), "admin") // want "shutdown-errserverclosed"
	}()
	go func() {
		loggerx.ExitOnServeError(metrics.ListenAndServe(), "metrics")
	}()
	go func() {
		if err := health.ListenAndServe(); err != nil {
			loggerx.LogError(err)
		}
	}()
	go func() {
		err := debug.ListenAndServe() // want "shutdown-errserverclosed"
		loggerx.Must(err, "debug")
	}()
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, s := range []*http.Server{api, admin, metrics, health, debug} {
		_ = s.Shutdown(sctx)
	}
}
