package main

import (
	"log"

	"github.com/BurntSushi/toml"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type config struct {
	Ledger struct {
		Host string `toml:"host"`
	} `toml:"ledger"`
	Audit struct {
		Addr string
	}
}

func main() {
	var cfg config
	if _, err := toml.DecodeFile("configs/app.toml", &cfg); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	ledger, err := grpc.NewClient(cfg.Ledger.Host, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer ledger.Close()
	audit, err := grpc.NewClient(cfg.Audit.Addr, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer audit.Close()
}
