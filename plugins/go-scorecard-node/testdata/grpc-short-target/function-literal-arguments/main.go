package main

import (
	"log"
	"sync"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// The dial sits in function literals; their parameters hold what the literals are called with.
func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())

	// A literal held by a local, called twice.
	dial := func(name, target string) *grpc.ClientConn {
		conn, err := grpc.NewClient(target, creds)
		if err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		return conn
	}
	dial("billing", "billing:9002") // want "grpc-short-target"
	dial("ledger", "ledger.finance.svc.cluster.local.:9003")

	// A literal called where it is written, in a goroutine.
	var wg sync.WaitGroup
	wg.Add(1)
	go func(target string) {
		defer wg.Done()
		if _, err := grpc.NewClient(target, creds); err != nil {
			log.Print(err)
		}
	}("reco:9006") // want "grpc-short-target"
	wg.Wait()

	// The first parameter is only a label: a short name there is no target.
	var describe = func(label string, target string) {
		log.Printf("%s dials %s", label, target)
		if _, err := grpc.NewClient(target, creds); err != nil {
			log.Print(err)
		}
	}
	describe("search:9100", "10.0.0.7:9100")

	// Spread into a variadic literal: not followed, no guess.
	each := func(targets ...string) {
		for _, t := range targets {
			_, _ = grpc.NewClient(t, creds)
		}
	}
	each([]string{"10.0.0.8:9200"}...)
}
