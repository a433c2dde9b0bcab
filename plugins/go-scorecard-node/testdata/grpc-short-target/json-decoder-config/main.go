package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	cfg, err := loadConfig("config.json")
	if err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	pricing, err := grpc.NewClient(cfg.Services.Pricing, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer pricing.Close()
	tax, err := grpc.NewClient(cfg.Services.Tax, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer tax.Close()
}
