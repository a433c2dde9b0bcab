package main

import (
	"log"
	"os"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// addrOf reads a backend's address from its upper-cased name: USERS_ADDR for "users".
func addrOf(svc string) string {
	return os.Getenv(strings.ToUpper(svc) + "_ADDR")
}

func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	for _, svc := range []string{"users", "orders"} {
		if _, err := grpc.NewClient(addrOf(svc), creds); err != nil {
			log.Fatal(err)
		}
	}
	// A lower-cased name is judged as the resolver sees it.
	if _, err := grpc.NewClient(strings.ToLower("Billing:9000"), creds); err != nil { // want "grpc-short-target: target .billing:9000."
		log.Fatal(err)
	}
}
