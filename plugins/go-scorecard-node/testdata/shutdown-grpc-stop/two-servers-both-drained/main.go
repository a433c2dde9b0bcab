package main

import (
	"context"
	"net"
	"os/signal"
	"syscall"
	"time"

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
	// Each server is drained; the peer's Stop is the fallback if its drain hangs.
	done := make(chan struct{})
	go func() {
		peer.GracefulStop()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		peer.Stop()
	}
}
