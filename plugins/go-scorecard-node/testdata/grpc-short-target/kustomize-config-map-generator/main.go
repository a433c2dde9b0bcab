package main

import (
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// The targets come from a ConfigMap that kustomize generates per overlay.
func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	for _, name := range []string{"ORDERS_ADDR", "BILLING_ADDR", "LEDGER_ADDR"} {
		conn, err := grpc.NewClient(os.Getenv(name), creds)
		if err != nil {
			log.Fatal(err)
		}
		defer conn.Close()
	}
}
