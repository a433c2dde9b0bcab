package main

import (
	"log"

	"github.com/caarlos0/env/v11"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type Upstream struct {
	Addr string `env:"ADDR" envDefault:"orders:9000"` // want "grpc-short-target"
}

type Config struct {
	Orders Upstream `envPrefix:"ORDERS_"`
}

// ParseAs[Config]() called in place is a new Config.
func main() {
	cfg, err := env.ParseAs[Config]()
	if err != nil {
		log.Fatal(err)
	}
	conn, err := grpc.NewClient(cfg.Orders.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
}
