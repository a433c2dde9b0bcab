// Package thttp is the HTTP transport.
package thttp

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// Server is the HTTP transport.
type Server struct {
	srv *http.Server
}

// NewServer returns an HTTP transport for h on addr.
func NewServer(addr string, h http.Handler) *Server {
	return &Server{srv: &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 5 * time.Second}}
}

// Start serves until Stop.
func (s *Server) Start(ctx context.Context) error {
	if err := s.srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Stop closes the server at once; the stop budget in ctx is not used. App.Run calls it through
// its []Server, with the element type followed to the implementations.
func (s *Server) Stop(ctx context.Context) error {
	return s.srv.Close() // want "shutdown-http-close"
}
