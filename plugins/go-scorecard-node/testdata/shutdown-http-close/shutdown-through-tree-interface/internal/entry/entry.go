package entry

import (
	"context"
	"net"
	"net/http"
	"time"
)

type stoppable interface {
	Shutdown(ctx context.Context) error
	Close() error
}

type stoppableServer interface {
	stoppable
	Serve(l net.Listener) error
}

// Point holds its HTTP server behind an interface *http.Server implements.
type Point struct{ server stoppableServer }

func New(l net.Listener) *Point {
	srv := &http.Server{Handler: http.NotFoundHandler()}
	go srv.Serve(l)
	return &Point{server: srv}
}

// Shutdown drains with a bound and closes only when the drain failed.
func (p *Point) Shutdown() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	stop := func(s stoppable) {
		if err := s.Shutdown(ctx); err != nil {
			_ = s.Close()
		}
	}
	stop(p.server)
}
