package main

import (
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	users, err := grpc.NewClient(os.Getenv("USER_ADDR"), creds)
	if err != nil {
		log.Fatal(err)
	}
	defer users.Close()
}
