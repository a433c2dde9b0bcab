package main

import (
	"log"
	"os"

	"github.com/alecthomas/kingpin/v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type config struct {
	pricingAddr string
	stockAddr   string
}

var (
	app         = kingpin.New("exporter", "Exports the catalog.")
	catalogAddr = app.Flag("catalog-addr", "Catalog service.").Default("catalog:9000").String() // want "grpc-short-target"
	auditAddr   = app.Flag("audit-addr", "Audit service.").Default("audit.compliance.svc.cluster.local.:7000").String()
)

func dial(target string) *grpc.ClientConn {
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	return conn
}

func main() {
	var cfg config
	app.Flag("pricing-addr", "Pricing service.").Envar("PRICING_ADDR").Default("pricing.shop.svc.cluster.local.:9000").StringVar(&cfg.pricingAddr)
	app.Flag("stock-addr", "Stock service.").Default("stock:9000").StringVar(&cfg.stockAddr) // want "grpc-short-target"
	kingpin.MustParse(app.Parse(os.Args[1:]))
	dial(*catalogAddr)
	dial(*auditAddr)
	dial(cfg.pricingAddr)
	dial(cfg.stockAddr)
}
