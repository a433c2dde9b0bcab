package main

import (
	"log"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var catalogAddr string

func main() {
	root := &cobra.Command{
		Use: "api",
		RunE: func(cmd *cobra.Command, args []string) error {
			creds := grpc.WithTransportCredentials(insecure.NewCredentials())
			// A key bound to a flag reads the flag: its default, or the container's args.
			if _, err := grpc.NewClient(viper.GetString("users.addr"), creds); err != nil {
				return err
			}
			if _, err := grpc.NewClient(viper.GetString("catalog.addr"), creds); err != nil {
				return err
			}
			// A key bound to environment variables reads them.
			if _, err := grpc.NewClient(viper.GetString("billing.addr"), creds); err != nil {
				return err
			}
			// AutomaticEnv: API_LEDGER_ADDR, after the prefix and the replacer.
			if _, err := grpc.NewClient(viper.GetString("ledger.addr"), creds); err != nil {
				return err
			}
			// A flag no key is bound to is not read through viper.
			_, err := grpc.NewClient(viper.GetString("search.addr"), creds)
			return err
		},
	}
	root.Flags().String("users-addr", "users:9090", "users service") // want "grpc-short-target"
	root.PersistentFlags().StringVar(&catalogAddr, "catalog-addr", "catalog.shop.svc.cluster.local.:9090", "catalog service")
	root.Flags().String("search-addr", "search:9090", "search service, read by nobody")
	if err := viper.BindPFlag("users.addr", root.Flags().Lookup("users-addr")); err != nil {
		log.Fatal(err)
	}
	if err := viper.BindPFlag("catalog.addr", root.PersistentFlags().Lookup("catalog-addr")); err != nil {
		log.Fatal(err)
	}
	if err := viper.BindEnv("billing.addr", "BILLING_GRPC_ADDR"); err != nil {
		log.Fatal(err)
	}
	viper.SetEnvPrefix("api")
	viper.SetEnvKeyReplacer(strings.NewReplacer(".", "_", "-", "_"))
	viper.AutomaticEnv()
	if err := root.Execute(); err != nil {
		log.Fatal(err)
	}
}
