package main

import (
	"flag"
	"log"
	"os"

	"github.com/peterbourgon/ff/v3"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	fs := flag.NewFlagSet("pricing", flag.ExitOnError)
	var (
		ratesAddr = fs.String("rates-addr", "rates.fx.svc.cluster.local.:9000", "rates service")
		taxAddr   = fs.String("tax.addr", "tax.fx.svc.cluster.local.:9000", "tax service")
	)
	// PRICING_RATES_ADDR and PRICING_TAX_ADDR set the flags (ff's README, "Environment variables").
	if err := ff.Parse(fs, os.Args[1:], ff.WithEnvVarPrefix("PRICING")); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	for _, addr := range []string{*ratesAddr, *taxAddr} {
		if _, err := grpc.NewClient(addr, creds); err != nil {
			log.Fatal(err)
		}
	}
}
