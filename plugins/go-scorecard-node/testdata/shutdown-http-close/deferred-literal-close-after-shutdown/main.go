package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

// A deferred function literal runs when its function returns, after the Shutdown before or
// after the defer: its Close is the fallback.
func drain(srv *http.Server) (err error) {
	defer func() {
		if err != nil {
			srv.Close()
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = srv.Shutdown(ctx)
	return err
}

func drainThenDefer(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := srv.Shutdown(ctx)
	defer func() {
		if err != nil {
			_ = srv.Close()
		}
	}()
}

// Control: the deferred Close runs with no Shutdown on the way.
func closeOnly(srv *http.Server) {
	defer func() {
		_ = srv.Close() // want "shutdown-http-close"
	}()
	log.Print("stopping")
}

func main() {
	api := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":8081"}
	debug := &http.Server{Addr: ":6060"}
	for _, s := range []*http.Server{api, admin, debug} {
		go func(s *http.Server) {
			if err := s.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				log.Fatal(err)
			}
		}(s)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	_ = drain(api)
	drainThenDefer(admin)
	closeOnly(debug)
}
