package server

import (
	"net"
	"time"

	"google.golang.org/grpc"
)

// Server embeds the gRPC server but declares its own Stop, which drains first: a call of
// s.Stop() is this method, not grpc.Server's.
type Server struct {
	*grpc.Server
}

func New() *Server {
	return &Server{Server: grpc.NewServer()}
}

func (s *Server) Run(lis net.Listener) error {
	return s.Serve(lis)
}

func (s *Server) Stop() {
	done := make(chan struct{})
	go func() {
		s.GracefulStop()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		s.Server.Stop()
	}
}
