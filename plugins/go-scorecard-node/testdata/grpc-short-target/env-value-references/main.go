package main

import (
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	for _, name := range []string{"USERS_ADDR", "RATINGS_ADDR", "DETAILS_ADDR", "STOCK_ADDR", "AUDIT_ADDR"} {
		if _, err := grpc.NewClient(os.Getenv(name), creds); err != nil {
			log.Fatal(err)
		}
	}
}
