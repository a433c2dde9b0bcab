package main

import (
	"log"

	"example.com/sales/internal/names"
	"github.com/ardanlabs/conf/v3"
	"github.com/kelseyhightower/envconfig"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var build = "develop"

type ordersConfig struct {
	StockAddr string `split_words:"true" default:"stock.inventory.svc.cluster.local.:9000"`
}

func main() {
	cfg := struct {
		Auth struct {
			Host string `conf:"default:auth-service.sales-system.svc.cluster.local.:6001"`
		}
	}{}
	// The prefix is a constant: SALES_AUTH_HOST, not AUTH_HOST.
	const prefix = "SALES"
	if _, err := conf.Parse(prefix, &cfg); err != nil {
		log.Fatal(err)
	}
	var orders ordersConfig
	// A constant of another package: ORDERS_STOCK_ADDR.
	envconfig.MustProcess(names.Orders, &orders)
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	if _, err := grpc.NewClient(cfg.Auth.Host, creds); err != nil {
		log.Fatal(err)
	}
	if _, err := grpc.NewClient(orders.StockAddr, creds); err != nil {
		log.Fatal(err)
	}
	log.Println(build)
}
