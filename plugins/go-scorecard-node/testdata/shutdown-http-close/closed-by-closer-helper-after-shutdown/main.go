package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/receive/internal/runutil"
)

func main() {
	srv := &http.Server{Addr: ":10908"}
	admin := &http.Server{Addr: ":10909"}
	for _, s := range []*http.Server{srv, admin} {
		go func(s *http.Server) {
			if err := s.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Fatal(err)
			}
		}(s)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// The helper closes a server only as the fallback of a failed drain, or after it.
	if err := srv.Shutdown(ctx); err != nil {
		runutil.CloseWithLog(srv, "receive HTTP server")
	}
	_ = admin.Shutdown(ctx)
	runutil.CloseWithLog(admin, "admin HTTP server")
}
