package main

import (
	"log"

	"github.com/caarlos0/env/v11"
	"github.com/kelseyhightower/envconfig"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// envconfig: a nested struct's fields are read below its key (BILLING_CLIENTS_PAYMENTS_ADDR).
type Clients struct {
	PaymentsAddr string `split_words:"true" required:"true"`
	LedgerAddr   string `envconfig:"LEDGER_ADDR"`
}

type Config struct {
	Clients Clients
}

// caarlos0/env: a nested struct's envPrefix goes in front of its fields' names (SEARCH_ADDR).
type Upstream struct {
	Addr string `env:"ADDR,required"`
}

type Settings struct {
	Search Upstream `envPrefix:"SEARCH_"`
}

func main() {
	var cfg Config
	envconfig.MustProcess("billing", &cfg)
	var s Settings
	if err := env.Parse(&s); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	payments, err := grpc.NewClient(cfg.Clients.PaymentsAddr, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer payments.Close()
	ledger, err := grpc.NewClient(cfg.Clients.LedgerAddr, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer ledger.Close()
	search, err := grpc.NewClient(s.Search.Addr, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer search.Close()
}
