package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
)

// Stop() on SIGTERM cancels every in-flight RPC.
func main() {
	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer()
	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, syscall.SIGTERM)
		<-sig
		s.Stop() // want "shutdown-grpc-stop"
	}()
	if err := s.Serve(lis); err != nil {
		log.Fatal(err)
	}
}
