package main

import (
	"log"

	"github.com/knadh/koanf/parsers/yaml"
	"github.com/knadh/koanf/providers/file"
	"github.com/knadh/koanf/v2"
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
	inventory, err := grpc.NewClient(cfg.Addr("inventory.addr"), creds)
	if err != nil {
		log.Fatal(err)
	}
	defer inventory.Close()

	k := koanf.New(".")
	if err := k.Load(file.Provider("configs/app.yaml"), yaml.Parser()); err != nil {
		log.Fatal(err)
	}
	pricing, err := grpc.NewClient(k.String("pricing.addr"), creds)
	if err != nil {
		log.Fatal(err)
	}
	defer pricing.Close()
}
