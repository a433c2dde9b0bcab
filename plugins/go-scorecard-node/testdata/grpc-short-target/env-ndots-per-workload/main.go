package main

import (
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	orders, err := grpc.NewClient(os.Getenv("ORDERS_ADDR"), creds)
	if err != nil {
		log.Fatal(err)
	}
	defer orders.Close()
	audit, err := grpc.NewClient(os.Getenv("AUDIT_ADDR"), creds)
	if err != nil {
		log.Fatal(err)
	}
	defer audit.Close()
}
