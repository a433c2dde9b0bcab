// drain and kill both name their parameter s: kill(b) stops b, which nothing drains.
package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
)

func drain(s *grpc.Server) { s.GracefulStop() }

func kill(s *grpc.Server) { s.Stop() } // want "shutdown-grpc-stop"

func serve(s *grpc.Server, addr string) {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	go func() { _ = s.Serve(lis) }()
}

func main() {
	a := grpc.NewServer()
	b := grpc.NewServer()
	serve(a, ":50051")
	serve(b, ":50052")
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	drain(a)
	kill(b)
}
