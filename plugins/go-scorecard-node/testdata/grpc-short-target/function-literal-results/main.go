package main

import (
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	// A default computed by a function literal called in place.
	users := func() string {
		if v := os.Getenv("USERS_ADDR"); v != "" {
			return v
		}
		return "users:9090" // want "grpc-short-target"
	}()
	if _, err := grpc.NewClient(users, creds); err != nil {
		log.Fatal(err)
	}
	// A function literal held in a local and called.
	mediaAddr := func() string { return "media.assets.svc.cluster.local.:9000" }
	if _, err := grpc.NewClient(mediaAddr(), creds); err != nil {
		log.Fatal(err)
	}
	ledger := func() (string, error) { return "ledger:7000", nil } // want "grpc-short-target"
	addr, err := ledger()
	if err != nil {
		log.Fatal(err)
	}
	if _, err := grpc.NewClient(addr, creds); err != nil {
		log.Fatal(err)
	}
}
