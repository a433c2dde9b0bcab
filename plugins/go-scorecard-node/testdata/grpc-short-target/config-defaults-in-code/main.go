package main

import (
	"log"

	"example.com/shop/internal/config"
	"github.com/knadh/koanf/providers/confmap"
	"github.com/knadh/koanf/v2"
	"github.com/spf13/viper"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	v := viper.New()
	config.Init(v)
	k := koanf.New(".")
	if err := k.Load(confmap.Provider(map[string]interface{}{
		"recommender": map[string]interface{}{
			"addr": "recommender:50051", // want "grpc-short-target"
		},
		"metrics.addr": ":9090",
	}, "."), nil); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	// Keys are read without regard to case, as viper does.
	_, _ = grpc.NewClient(viper.GetString("GRPC.Search_Addr"), creds)
	_, _ = grpc.NewClient(v.GetString("grpc.ledger_addr"), creds)
	_, _ = grpc.NewClient(k.String("recommender.addr"), creds)
}
