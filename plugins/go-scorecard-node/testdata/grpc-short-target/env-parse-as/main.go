package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/shop/internal/config"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	orders, err := grpc.NewClient(cfg.OrdersAddr, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer orders.Close()
	audit, err := grpc.NewClient(cfg.Audit.Addr, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer audit.Close()
	var billing config.Billing
	if err := config.LoadBilling(&billing); err != nil {
		log.Fatal(err)
	}
	bill, err := grpc.NewClient(billing.Addr, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer bill.Close()
}
