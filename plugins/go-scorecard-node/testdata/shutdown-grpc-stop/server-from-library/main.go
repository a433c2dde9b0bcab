package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/collector/config/configgrpc"
	"google.golang.org/grpc"
)

// The gRPC server comes from a library's constructor, not grpc.NewServer: the field's declared
// type says what it is.
type server struct {
	grpcServer *grpc.Server
}

func (s *server) close() {
	s.grpcServer.Stop() // want "shutdown-grpc-stop"
}

func main() {
	var cfg configgrpc.ServerConfig
	gs, err := cfg.ToServer(nil, nil, nil)
	if err != nil {
		log.Fatal(err)
	}
	s := &server{grpcServer: gs}
	l, err := net.Listen("tcp", ":17271")
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		if err := s.grpcServer.Serve(l); err != nil {
			log.Print(err)
		}
	}()
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM)
	<-ch
	s.close()
}
