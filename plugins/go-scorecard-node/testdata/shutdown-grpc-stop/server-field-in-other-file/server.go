package main

import "google.golang.org/grpc"

// The gRPC server is a field of a struct declared here; main.go stops it.
type app struct {
	grpcServer *grpc.Server
}

func newApp() *app {
	return &app{grpcServer: grpc.NewServer()}
}
