package main

import (
	"log"

	"github.com/spf13/viper"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type config struct {
	Billing struct {
		Host string `mapstructure:"host"`
	} `mapstructure:"billing"`
}

func main() {
	viper.SetConfigFile("configs/config.yaml")
	if err := viper.ReadInConfig(); err != nil {
		log.Fatal(err)
	}
	var cfg config
	if err := viper.Unmarshal(&cfg); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	ledger, err := grpc.NewClient(viper.GetString("ledger.host"), creds)
	if err != nil {
		log.Fatal(err)
	}
	defer ledger.Close()
	billing, err := grpc.NewClient(cfg.Billing.Host, creds)
	if err != nil {
		log.Fatal(err)
	}
	defer billing.Close()
}
