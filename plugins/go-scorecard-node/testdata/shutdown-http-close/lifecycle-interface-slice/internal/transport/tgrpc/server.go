// Package tgrpc is the gRPC transport.
package tgrpc

import (
	"context"
	"net"

	"google.golang.org/grpc"
)

// Server is the gRPC transport.
type Server struct {
	srv  *grpc.Server
	addr string
}

// NewServer returns a gRPC transport on addr.
func NewServer(addr string) *Server {
	return &Server{srv: grpc.NewServer(), addr: addr}
}

// Start serves until Stop.
func (s *Server) Start(ctx context.Context) error {
	lis, err := net.Listen("tcp", s.addr)
	if err != nil {
		return err
	}
	return s.srv.Serve(lis)
}

// Stop drains, and stops hard only when the budget in ctx runs out.
func (s *Server) Stop(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		s.srv.GracefulStop()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
		s.srv.Stop()
	}
	return nil
}
