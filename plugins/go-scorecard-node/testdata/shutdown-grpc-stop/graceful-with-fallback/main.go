package main

import (
	"context"
	"log"
	"net"
	"os/signal"
	"syscall"
	"time"

	"google.golang.org/grpc"
)

type server struct {
	grpc *grpc.Server
}

// GracefulStop, with Stop only when draining exceeds the budget.
func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatal(err)
	}
	srv := &server{grpc: grpc.NewServer()}
	go func() {
		if err := srv.grpc.Serve(lis); err != nil {
			log.Print(err)
		}
	}()
	<-ctx.Done()
	timeout, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() {
		srv.grpc.GracefulStop()
		close(done)
	}()
	select {
	case <-done:
	case <-timeout.Done():
		srv.grpc.Stop()
	}
}
