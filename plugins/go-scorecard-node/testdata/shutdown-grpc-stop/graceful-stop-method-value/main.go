package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
)

// onStop runs every stop function on SIGTERM.
func onStop(stops ...func()) {
	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGTERM)
	<-quit
	for _, stop := range stops {
		stop()
	}
}

// GracefulStop handed on as a method value drains the server; Stop is the fallback after it.
func main() {
	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer()
	go func() {
		if err := s.Serve(lis); err != nil {
			log.Fatal(err)
		}
	}()
	onStop(s.GracefulStop)
	s.Stop()
}
