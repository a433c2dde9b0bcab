package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Blanks, case and a scheme trimmed off: the hosts stay those of the values read.
func main() {
	inventory := flag.String("inventory", "Inventory:9000", "inventory address") // want "grpc-short-target"
	flag.Parse()
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	for _, target := range []string{
		strings.TrimSpace(os.Getenv("PRICING_ADDR")),
		strings.ToLower(*inventory),
		fmt.Sprint(strings.TrimPrefix(os.Getenv("REVIEWS_URL"), "dns:///")),
	} {
		conn, err := grpc.NewClient(target, creds)
		if err != nil {
			log.Fatal(err)
		}
		defer conn.Close()
	}
}
