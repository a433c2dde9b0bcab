package main

import (
	"context"
	"net"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
)

func serve(s *grpc.Server, addr string) {
	lis, err := net.Listen("tcp", addr)
	if err != nil {
		panic(err)
	}
	_ = s.Serve(lis)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	public := grpc.NewServer()
	peer := grpc.NewServer(grpc.MaxRecvMsgSize(1 << 20))
	go serve(public, ":9000")
	go serve(peer, ":9001")
	<-ctx.Done()
	public.GracefulStop()
	// The peer server's in-flight RPCs are cancelled: one drained server does not excuse another.
	peer.Stop() // want "shutdown-grpc-stop"
}
