package main

import (
	"log"

	"example.com/store/internal/cluster"
)

var replicas = []string{
	"replica-0.replicas:7000", // want "grpc-short-target"
	"replica-1.replicas.store.svc.cluster.local.:7000",
}

func main() {
	// The name is not a target: only arguments from the variadic parameter's position on are peers.
	if _, err := cluster.Connect("shard-name", "shard-a.db.svc.cluster.local.:7000", "shard-b:7000"); err != nil { // want "grpc-short-target"
		log.Fatal(err)
	}
	if _, err := cluster.Connect("replicas", replicas...); err != nil {
		log.Fatal(err)
	}
	if _, err := cluster.DialFirst("ledger:7100"); err != nil { // want "grpc-short-target"
		log.Fatal(err)
	}
}
