package main

import (
	"context"
	"log"

	rpc "google.golang.org/grpc"
)

// grpc.Dial and grpc.WithInsecure, under an import alias: two findings on one line.
func dialUsers() *rpc.ClientConn {
	conn, err := rpc.Dial("dns:///users.shop.svc.cluster.local.:8080", rpc.WithInsecure()) // want "grpc-deprecated-dial" "grpc-deprecated-dial"
	if err != nil {
		log.Fatal(err)
	}
	return conn
}

// grpc.DialContext is deprecated too.
func dialOrders(ctx context.Context) (*rpc.ClientConn, error) {
	return rpc.DialContext(ctx, "dns:///orders.shop.svc.cluster.local.:8080") // want "grpc-deprecated-dial"
}

func main() {
	dialUsers()
	dialOrders(context.Background())
}
