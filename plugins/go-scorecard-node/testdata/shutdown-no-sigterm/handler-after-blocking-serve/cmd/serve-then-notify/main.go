// The SIGTERM handler comes after a Serve call that blocks: until the server stops, nothing handles SIGTERM.
package main

import (
	"context"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc"
)

func main() {
	lis, err := net.Listen("tcp", ":50051")
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer()
	err = srv.Serve(lis) // want "shutdown-no-sigterm"
	log.Print(err)
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	<-ctx.Done()
	srv.GracefulStop()
}
