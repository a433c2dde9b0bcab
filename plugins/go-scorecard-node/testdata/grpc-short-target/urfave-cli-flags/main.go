package main

import (
	"log"
	"os"

	"github.com/urfave/cli/v2"

	"example.com/shop/internal/client"
)

func main() {
	app := &cli.App{
		Name: "checkout",
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "inventory-addr",
				Value:   "inventory:9000", // want "grpc-short-target"
				EnvVars: []string{"INVENTORY_ADDR"},
			},
			&cli.StringFlag{
				Name:    "pricing-addr",
				Aliases: []string{"p"},
				Value:   "pricing.catalog.svc.cluster.local.:9000",
				EnvVars: []string{"PRICING_ADDR"},
			},
			&cli.StringFlag{
				Name:  "listen",
				Value: ":8080",
			},
		},
		Action: run,
	}
	if err := app.Run(os.Args); err != nil {
		log.Fatal(err)
	}
}

func run(c *cli.Context) error {
	inventory, err := client.New(c.String("inventory-addr"))
	if err != nil {
		return err
	}
	defer inventory.Close()
	pricing, err := client.New(c.String("p"))
	if err != nil {
		return err
	}
	defer pricing.Close()
	return nil
}
