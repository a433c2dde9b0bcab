package main

import (
	"log"

	"example.com/generic/clients"
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
}
