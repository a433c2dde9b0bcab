package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// The targets are package-level names declared in config.go: the findings are where
// their values are written.
func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	users, err := grpc.NewClient(usersAddr, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer users.Close()
	orders, err := grpc.NewClient(ordersAddr, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer orders.Close()
	billing, err := grpc.NewClient(billingAddr, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer billing.Close()
}
