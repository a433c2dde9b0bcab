package main

import (
	"context"
	"log"

	transgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
)

// Kratos dials the endpoint with grpc-go: a short name walks the search list.
func main() {
	ctx := context.Background()
	users, err := transgrpc.DialInsecure(ctx, transgrpc.WithEndpoint("users:9000")) // want "grpc-short-target: of transgrpc.DialInsecure"
	if err != nil {
		log.Fatal(err)
	}
	defer users.Close()
	// Kratos' discovery resolver does not use DNS search.
	orders, err := transgrpc.DialInsecure(ctx, transgrpc.WithEndpoint("discovery:///orders"))
	if err != nil {
		log.Fatal(err)
	}
	defer orders.Close()
}
