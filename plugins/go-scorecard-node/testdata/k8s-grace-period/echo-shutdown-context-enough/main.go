package main

import (
	"context"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"

	"github.com/labstack/echo/v4"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	e := echo.New()
	go func() {
		if err := e.Start(":8080"); err != nil && err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	// The drain's bound is made here and handed down to the helper that shuts echo down.
	drain, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	stopServer(drain, e)
}

func stopServer(ctx context.Context, e *echo.Echo) {
	if err := e.Shutdown(ctx); err != nil {
		log.Print(err)
	}
}
