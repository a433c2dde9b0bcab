package server

import (
	"context"
	"net/http"
	"time"
)

type Server struct {
	srv *http.Server
}

func New() *Server {
	return &Server{srv: &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}}
}

func (s *Server) Run() error {
	return s.srv.ListenAndServe()
}

// The := at the top of the body assigns the parameter ctx (Go spec, Short variable
// declarations): the drain is bounded by 45 s, not by the caller's context.
func (s *Server) Shutdown(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 45*time.Second)
	defer cancel()
	return s.srv.Shutdown(ctx)
}
