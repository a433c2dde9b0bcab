package main

import "example.com/billing/pkg/rpc"

// A chain as gofmt writes it: each method starts a line after the dot that ends the last.
func main() {
	conn, err := rpc.NewBuilder().
		Host("billing"). // want "grpc-short-target"
		Port(7000).
		Build()
	if err != nil {
		panic(err)
	}
	defer conn.Close()
}
