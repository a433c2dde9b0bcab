package main

import (
	"context"
	"log"

	"example.com/generic/clients"
	"google.golang.org/grpc"
)

type ordersClient struct{}

type stockClient struct{}

// Explicit type arguments: `clients.New[T](x)` is a call, though it is spelled like a
// conversion to a generic type.
func main() {
	orders, err := clients.New[ordersClient]("orders:9000").Dial() // want "grpc-short-target"
	if err != nil {
		log.Fatal(err)
	}
	defer orders.Close()
	stock, err := clients.Connect[*stockClient]("stock.inventory:9000") // want "grpc-short-target"
	if err != nil {
		log.Fatal(err)
	}
	defer stock.Close()
	audit, err := clients.New[ordersClient]("audit.compliance.svc.cluster.local.:9000").Dial()
	if err != nil {
		log.Fatal(err)
	}
	defer audit.Close()
	// Two arguments, and a generic function of this package: calls all the same.
	billing, err := clients.ConnectContext[ordersClient](context.Background(), "billing:9000") // want "grpc-short-target"
	if err != nil {
		log.Fatal(err)
	}
	defer billing.Close()
	own, err := connect[stockClient]("ledger:9000") // want "grpc-short-target"
	if err != nil {
		log.Fatal(err)
	}
	defer own.Close()
}

func connect[T any](target string) (*grpc.ClientConn, error) {
	return clients.Connect[T](target)
}
