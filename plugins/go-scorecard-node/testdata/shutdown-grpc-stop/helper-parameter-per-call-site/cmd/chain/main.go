// stopPeer hands its own parameter on to kill: the server stopped is peer, never drained.
package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
)

type servers struct {
	public *grpc.Server
	peer   *grpc.Server
}

func drain(s *grpc.Server) { s.GracefulStop() }

func kill(s *grpc.Server) { s.Stop() } // want "shutdown-grpc-stop"

func stopPeer(p *grpc.Server) { kill(p) }

func main() {
	srv := servers{public: grpc.NewServer(), peer: grpc.NewServer()}
	for _, s := range []*grpc.Server{srv.public, srv.peer} {
		lis, err := net.Listen("tcp", ":0")
		if err != nil {
			log.Fatal(err)
		}
		go func(s *grpc.Server) { _ = s.Serve(lis) }(s)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	drain(srv.public)
	stopPeer(srv.peer)
}
