package main

import (
	"context"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

// cache has a field named srv that is no server: its Close is not an http.Server's.
type cache struct{ srv *store }

type store struct{}

func (s *store) Close() error { return nil }

type api struct{ srv *http.Server }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	c := &cache{srv: &store{}}
	a := &api{srv: &http.Server{Addr: ":8080"}}
	go a.srv.ListenAndServe()
	<-ctx.Done()
	c.srv.Close()
	drain, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = drain
	a.srv.Close() // want "shutdown-http-close"
}
