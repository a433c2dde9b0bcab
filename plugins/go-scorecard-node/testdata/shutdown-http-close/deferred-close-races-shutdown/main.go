package main

import (
	"context"
	"errors"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func serve(ctx context.Context, srv *http.Server) error {
	// Shutdown makes ListenAndServe return at once: serve returns and this Close runs while the
	// drain in the goroutine is still going, cutting the requests it waits for.
	defer srv.Close() // want "shutdown-http-close"
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	_ = serve(ctx, &http.Server{Addr: ":8080"})
}
