package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"google.golang.org/grpc"
)

func main() {
	srv := grpc.NewServer()
	lis, err := net.Listen("tcp", ":50051")
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		if err := srv.Serve(lis); err != nil {
			log.Fatal(err)
		}
	}()
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	<-sigs
	stopGracefully(srv, 50*time.Second)
}

// stopGracefully races GracefulStop against a timer and stops hard when the timer wins.
func stopGracefully(srv *grpc.Server, limit time.Duration) {
	stopped := make(chan struct{})
	go func() {
		srv.GracefulStop()
		close(stopped)
	}()
	t := time.NewTimer(limit)
	select {
	case <-t.C:
		srv.Stop()
	case <-stopped:
		t.Stop()
	}
}
