package httpserver

import (
	"context"
	"errors"
	"log"
	"net"
	"net/http"
	"time"

	"go.uber.org/fx"
)

type Server struct {
	srv *http.Server
}

// New registers the server's start and stop with the fx lifecycle.
func New(lc fx.Lifecycle) *Server {
	s := &Server{srv: &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}}
	lc.Append(fx.Hook{
		OnStart: func(ctx context.Context) error {
			ln, err := net.Listen("tcp", s.srv.Addr)
			if err != nil {
				return err
			}
			go func() {
				if err := s.srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
					log.Printf("serve: %v", err)
				}
			}()
			return nil
		},
		OnStop: func(ctx context.Context) error {
			return s.srv.Shutdown(ctx)
		},
	})
	return s
}
