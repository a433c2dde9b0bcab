package main

import (
	"log"
	"strings"

	"github.com/knadh/koanf/parsers/yaml"
	"github.com/knadh/koanf/providers/env"
	"github.com/knadh/koanf/providers/file"
	"github.com/knadh/koanf/v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	k := koanf.New(".")
	if err := k.Load(file.Provider("config.yaml"), yaml.Parser()); err != nil {
		log.Printf("no config file: %v", err)
	}
	// ORDERS_PAYMENTS_ADDR is the key payments.addr, as koanf's README writes the callback.
	if err := k.Load(env.Provider("ORDERS_", ".", func(s string) string {
		return strings.Replace(strings.ToLower(strings.TrimPrefix(s, "ORDERS_")), "_", ".", -1)
	}), nil); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	if _, err := grpc.NewClient(k.String("payments.addr"), creds); err != nil {
		log.Fatal(err)
	}
	if _, err := grpc.NewClient(k.String("stock.addr"), creds); err != nil {
		log.Fatal(err)
	}
}
