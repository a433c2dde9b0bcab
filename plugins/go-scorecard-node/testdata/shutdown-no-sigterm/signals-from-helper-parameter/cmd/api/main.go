package main

import (
	"context"
	"net/http"
	"os"
	"syscall"

	"example.com/shop/internal/graceful"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe()
	graceful.Wait(os.Interrupt, syscall.SIGTERM)
	_ = srv.Shutdown(context.Background())
}
