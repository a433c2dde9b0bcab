// Package server runs the API.
package server

import (
	"context"
	"errors"
	"log"
	"net/http"
)

// Server is the API server.
type Server struct {
	http *http.Server
}

// New returns a server on addr.
func New(addr string) *Server {
	return &Server{http: &http.Server{Addr: addr}}
}

// ListenAndServe serves until Shutdown.
func (s *Server) ListenAndServe() error {
	if err := s.http.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Shutdown drains within ctx's deadline, and forces the rest closed only when it could not.
func (s *Server) Shutdown(ctx context.Context) error {
	if err := s.http.Shutdown(ctx); err != nil {
		log.Printf("drain: %v; forcing close", err)
		return s.forceClose()
	}
	return nil
}

// forceClose is only called once a drain ran past its deadline: the documented fallback.
func (s *Server) forceClose() error {
	return s.http.Close()
}
