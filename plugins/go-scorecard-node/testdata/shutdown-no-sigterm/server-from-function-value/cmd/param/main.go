// The gRPC server comes from a function the caller hands over: its declared result types it.
package main

import (
	"log"
	"net"

	"google.golang.org/grpc"
)

func serveWith(newServer func(opts []grpc.ServerOption) *grpc.Server, l net.Listener) {
	srv := newServer(nil)
	if err := srv.Serve(l); err != nil { // want "shutdown-no-sigterm"
		log.Print(err)
	}
}

func main() {
	l, err := net.Listen("tcp", ":9000")
	if err != nil {
		log.Fatal(err)
	}
	serveWith(func(opts []grpc.ServerOption) *grpc.Server { return grpc.NewServer(opts...) }, l)
}
