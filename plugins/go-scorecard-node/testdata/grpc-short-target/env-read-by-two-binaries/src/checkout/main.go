package main

import (
	"os"

	"google.golang.org/grpc"
)

func main() {
	cartAddr := os.Getenv("CART_SERVICE_ADDR")
	conn, _ := grpc.NewClient(cartAddr) // checkout's own dial
	_ = conn
}
