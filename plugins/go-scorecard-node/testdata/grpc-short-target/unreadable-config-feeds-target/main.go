package main

import (
	"log"

	"github.com/spf13/viper"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	viper.SetConfigFile("configs/config.json")
	if err := viper.ReadInConfig(); err != nil {
		log.Fatal(err)
	}
	conn, err := grpc.NewClient(viper.GetString("ledger.host"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
}
