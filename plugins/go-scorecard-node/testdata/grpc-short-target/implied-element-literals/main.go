package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type backend struct {
	Name   string
	Target string
}

// The elements' type is implied by the slice, map and array literals: `{Target: …}` is a
// backend all the same.
var backends = []backend{
	{Name: "ledger", Target: "ledger:7000"}, // want "grpc-short-target"
	{Name: "audit", Target: "audit.compliance.svc.cluster.local.:7000"},
}

func dial(target string) *grpc.ClientConn {
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	return conn
}

func main() {
	for _, b := range backends {
		defer dial(b.Target).Close()
	}
	byRegion := map[string]*backend{
		"eu": {Name: "billing", Target: "billing-eu.payments:9100"}, // want "grpc-short-target"
	}
	for _, b := range byRegion {
		defer dial(b.Target).Close()
	}
	fixed := [...]backend{{Name: "search", Target: "search:9200"}} // want "grpc-short-target"
	defer dial(fixed[0].Target).Close()
}
