package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
)

type ticker struct{}

func (t *ticker) Stop() {}

// scheduler's server is a ticker; rpc's server is the gRPC one.
type scheduler struct{ server *ticker }

type rpc struct{ server *grpc.Server }

func main() {
	s := &scheduler{server: &ticker{}}
	r := &rpc{server: grpc.NewServer()}
	lis, err := net.Listen("tcp", ":50051")
	if err != nil {
		log.Fatal(err)
	}
	go r.server.Serve(lis)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	s.server.Stop()
	r.server.GracefulStop()
}
