package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// grpc.NewClient with insecure.NewCredentials(): nothing deprecated.
func main() {
	conn, err := grpc.NewClient("dns:///users.shop.svc.cluster.local.:8080",
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
}
