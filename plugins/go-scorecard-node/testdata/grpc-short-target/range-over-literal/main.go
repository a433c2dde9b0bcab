package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Each backend gets a client: the targets are the elements of the ranged literals.
func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	for _, target := range []string{
		"inventory:9000", // want "grpc-short-target"
		"pricing.catalog.svc.cluster.local.:9000",
	} {
		conn, err := grpc.NewClient(target, creds)
		if err != nil {
			log.Fatal(err)
		}
		defer conn.Close()
	}
	replicas := []string{"ledger-0.ledger:7000", "localhost:7001"} // want "grpc-short-target"
	for i, addr := range replicas {
		conn, err := grpc.NewClient(addr, creds)
		if err != nil {
			log.Fatalf("replica %d: %v", i, err)
		}
		defer conn.Close()
	}
	byRegion := map[string]string{
		"eu": "billing-eu:9100", // want "grpc-short-target"
	}
	for _, addr := range byRegion {
		conn, err := grpc.NewClient(addr, creds)
		if err != nil {
			log.Fatal(err)
		}
		defer conn.Close()
	}
}
