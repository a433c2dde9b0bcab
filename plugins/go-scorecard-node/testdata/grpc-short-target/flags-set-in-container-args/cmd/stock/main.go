package main

import (
	"log"
	"os"

	"github.com/spf13/cobra"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var pricingAddr string

func main() {
	cmd := &cobra.Command{
		Use: "stock",
		RunE: func(cmd *cobra.Command, args []string) error {
			conn, err := grpc.NewClient(pricingAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
			if err != nil {
				return err
			}
			return conn.Close()
		},
	}
	cmd.Flags().StringVar(&pricingAddr, "pricing-addr", "pricing.shop.svc.cluster.local.:9100", "pricing service")
	if err := cmd.Execute(); err != nil {
		log.Print(err)
		os.Exit(1)
	}
}
