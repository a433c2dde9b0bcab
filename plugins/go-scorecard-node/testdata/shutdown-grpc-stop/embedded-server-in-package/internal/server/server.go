package server

import (
	"log"
	"net"

	"google.golang.org/grpc"
)

// Server embeds the gRPC server: Serve, Stop and GracefulStop are promoted to it.
type Server struct {
	*grpc.Server
	logger *log.Logger
}

func New(logger *log.Logger) *Server {
	return &Server{Server: grpc.NewServer(), logger: logger}
}

func (s *Server) Run(lis net.Listener) error {
	s.logger.Printf("listening on %s", lis.Addr())
	return s.Serve(lis)
}
