package main

import (
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// ORDERS_ADDR comes from the ConfigMap deployed beside the Deployment; the docs hold an
// example of the same name that no one deploys.
func main() {
	conn, err := grpc.NewClient(os.Getenv("ORDERS_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
}
