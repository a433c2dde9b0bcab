package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/maps/config"
)

func dial(target string) {
	if _, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials())); err != nil {
		log.Fatal(err)
	}
}

// The targets are read back from the maps by key, from a field, a package variable and a local.
func main() {
	c := config.Load()
	for _, name := range []string{"users", "orders", "search"} {
		dial(c.Backends[name])
	}
	dial(config.Defaults["inventory"])
	local := map[string]string{}
	local["ledger"] = "ledger:7000" // want "grpc-short-target"
	dial(local["ledger"])
}
