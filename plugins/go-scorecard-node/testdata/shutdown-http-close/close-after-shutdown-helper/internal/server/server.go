package server

import (
	"context"
	"log"
	"net/http"
	"time"
)

type Server struct {
	httpServer *http.Server
	timeout    time.Duration
}

func New(addr string) *Server {
	return &Server{
		httpServer: &http.Server{Addr: addr, ReadHeaderTimeout: 5 * time.Second},
		timeout:    20 * time.Second,
	}
}

func (s *Server) Run() error {
	return s.httpServer.ListenAndServe()
}

// gracefulStop drains on every path: a Close after it failed is the documented fallback.
func (s *Server) gracefulStop(ctx context.Context) error {
	sctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	return s.httpServer.Shutdown(sctx)
}

// drain returns early without draining when asked to: a Close after it may cut requests.
func (s *Server) drain(ctx context.Context, skip bool) error {
	if skip {
		return nil
	}
	return s.httpServer.Shutdown(ctx)
}

func stopServer(ctx context.Context, srv *http.Server) error {
	return srv.Shutdown(ctx)
}

func (s *Server) Stop(ctx context.Context) {
	if err := s.gracefulStop(ctx); err != nil {
		log.Printf("graceful stop: %v", err)
		s.httpServer.Close()
	}
}

func (s *Server) StopWith(ctx context.Context) {
	if err := stopServer(ctx, s.httpServer); err != nil {
		s.httpServer.Close()
	}
}

func (s *Server) StopFast(ctx context.Context, skip bool) {
	if err := s.drain(ctx, skip); err != nil {
		log.Printf("drain: %v", err)
	}
	s.httpServer.Close() // want "shutdown-http-close"
}
