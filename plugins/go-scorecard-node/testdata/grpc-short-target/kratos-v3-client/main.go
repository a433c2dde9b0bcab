package main

import (
	"context"
	"log"

	"github.com/go-kratos/kratos/v3/registry"
	"github.com/go-kratos/kratos/v3/transport/grpc"
)

// Kratos v3 makes clients with NewClient, which hands the endpoint to grpc-go's NewClient: its
// dns resolver walks the search list.
func connect(ctx context.Context, discovery registry.Discovery) {
	orders, err := grpc.NewClient(ctx, grpc.WithEndpoint("orders:9000")) // want "grpc-short-target: of grpc.NewClient"
	if err != nil {
		log.Fatal(err)
	}
	defer orders.Close()
	// The discovery resolver asks the registry, not DNS.
	users, err := grpc.NewClient(ctx, grpc.WithEndpoint("discovery:///users"), grpc.WithDiscovery(discovery))
	if err != nil {
		log.Fatal(err)
	}
	defer users.Close()
	// A fully qualified name with its trailing dot skips the search list.
	stock, err := grpc.NewClient(ctx, grpc.WithEndpoint("stock.shop.svc.cluster.local.:9000"))
	if err != nil {
		log.Fatal(err)
	}
	defer stock.Close()
}

func main() {
	connect(context.Background(), nil)
}
