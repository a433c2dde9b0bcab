package main

import (
	"context"
	"net/http"

	"example.com/shop/internal/graceful"
)

func main() {
	srv := &http.Server{Addr: ":8082"}
	go srv.ListenAndServe()
	// No signal named: signal.Notify relays every signal, SIGTERM included.
	graceful.Wait()
	_ = srv.Shutdown(context.Background())
}
