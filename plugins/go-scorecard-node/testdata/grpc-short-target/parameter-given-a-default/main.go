package main

import (
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// The parameter is given a default in the body: the target is the caller's value or that one.
func dial(addr string) (*grpc.ClientConn, error) {
	if addr == "" {
		addr = "inventory:9000" // want "grpc-short-target"
	}
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

func main() {
	conn, err := dial(os.Getenv("INVENTORY_ADDR"))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	other, err := dial("ledger.payments.svc.cluster.local.:9000")
	if err != nil {
		log.Fatal(err)
	}
	defer other.Close()
}
