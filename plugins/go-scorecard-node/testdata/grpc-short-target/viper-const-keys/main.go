package main

import (
	"log"

	"example.com/ledger/internal/keys"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

const auditFlag = "audit-addr"

func main() {
	viper.SetDefault(keys.Accounts, "accounts:7100") // want "grpc-short-target"
	pflag.String(auditFlag, "audit:7200", "audit service") // want "grpc-short-target"
	pflag.Parse()
	if err := viper.BindPFlag(keys.Audit, pflag.Lookup(auditFlag)); err != nil {
		log.Fatal(err)
	}
	if err := viper.BindEnv(keys.Rates, keys.RatesEnv); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	for _, key := range []string{keys.Accounts, keys.Audit, keys.Rates} {
		if _, err := grpc.NewClient(viper.GetString(key), creds); err != nil {
			log.Fatal(err)
		}
	}
}
