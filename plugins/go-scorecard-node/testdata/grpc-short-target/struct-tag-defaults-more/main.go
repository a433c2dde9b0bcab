package main

import (
	"context"
	"log"

	"github.com/ilyakaznacheev/cleanenv"
	"github.com/sethvargo/go-envconfig"
	vrenv "github.com/vrischmann/envconfig"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Read by cleanenv: `env-default` is the default, every name in capitals is read.
type clients struct {
	Orders  string `env:"ORDERS_ADDR" env-default:"orders:50051"` // want "grpc-short-target"
	Billing string `env:"BILLING_ADDR,BILLING_HOST" env-description:"billing service"`
}

// Read by sethvargo/go-envconfig: the default follows `default=`.
type backends struct {
	Cart   string `env:"CART_ADDR, default=cart:7070"` // want "grpc-short-target"
	Search string `env:"SEARCH_ADDR, default=search.catalog.svc.cluster.local.:9200"`
}

// Read by vrischmann/envconfig: an option, no name, before the default.
type ledger struct {
	Addr string `envconfig:"default=ledger:7000"` // want "grpc-short-target"
}

func main() {
	var l ledger
	if err := vrenv.Init(&l); err != nil {
		log.Fatal(err)
	}
	var c clients
	if err := cleanenv.ReadEnv(&c); err != nil {
		log.Fatal(err)
	}
	var b backends
	if err := envconfig.Process(context.Background(), &b); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	for _, target := range []string{c.Orders, c.Billing, b.Cart, b.Search, l.Addr} {
		conn, err := grpc.NewClient(target, creds)
		if err != nil {
			log.Fatal(err)
		}
		defer conn.Close()
	}
}
