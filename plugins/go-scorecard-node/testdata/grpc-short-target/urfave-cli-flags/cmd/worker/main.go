package main

import (
	"context"
	"log"
	"os"

	"github.com/urfave/cli/v3"

	"example.com/shop/internal/client"
)

func main() {
	cmd := &cli.Command{
		Name: "worker",
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:    "ledger",
				Value:   "ledger.payments:7000", // want "grpc-short-target"
				Sources: cli.EnvVars("LEDGER_ADDR"),
			},
		},
		Action: func(ctx context.Context, cmd *cli.Command) error {
			conn, err := client.New(cmd.String("ledger"))
			if err != nil {
				return err
			}
			return conn.Close()
		},
	}
	if err := cmd.Run(context.Background(), os.Args); err != nil {
		log.Fatal(err)
	}
}
