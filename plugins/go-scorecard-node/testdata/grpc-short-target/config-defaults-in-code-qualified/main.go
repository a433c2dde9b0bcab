package main

import (
	"github.com/spf13/viper"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	viper.SetDefault("grpc.search_addr", "search-indexer.catalog.svc.cluster.local.:9000")
	viper.SetDefault("grpc.audit_addr", "localhost:7000")
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	_, _ = grpc.NewClient(viper.GetString("grpc.search_addr"), creds)
	_, _ = grpc.NewClient(viper.GetString("grpc.audit_addr"), creds)
}
