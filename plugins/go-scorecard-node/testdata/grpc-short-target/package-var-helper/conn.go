package main

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func openConn(host string) (*grpc.ClientConn, error) {
	return grpc.Dial(host, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
