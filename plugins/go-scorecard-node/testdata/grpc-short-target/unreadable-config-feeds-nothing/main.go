package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// The target is written here; no configuration key feeds it, so the broken
// fixture file below can hide no short target.
func main() {
	conn, err := grpc.NewClient("ledger.prod.svc.cluster.local.:9000", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
}
