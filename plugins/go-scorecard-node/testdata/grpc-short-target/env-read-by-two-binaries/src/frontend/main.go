package main

import (
	"os"

	"google.golang.org/grpc"
)

func main() {
	addr := os.Getenv("CART_SERVICE_ADDR")
	conn, _ := grpc.NewClient(addr) // frontend's dial
	_ = conn
}
