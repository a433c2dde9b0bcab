package main

import (
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// The Go frontend dials the catalog named by PRODUCT_ADDR; the Python service is set the same name.
func main() {
	conn, err := grpc.NewClient(os.Getenv("PRODUCT_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
}
