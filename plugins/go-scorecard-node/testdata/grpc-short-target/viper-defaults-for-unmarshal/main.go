package main

import (
	"log"

	"github.com/spf13/viper"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type Upstreams struct {
	Users string `mapstructure:"addr"`
}

type Config struct {
	Users Upstreams `mapstructure:"users"`
}

// The key's default is set in code; Unmarshal fills the struct from the file, or the default.
func main() {
	viper.SetDefault("users.addr", "users:8080") // want "grpc-short-target"
	viper.SetConfigFile("config.yaml")
	if err := viper.ReadInConfig(); err != nil {
		log.Print(err)
	}
	var cfg Config
	if err := viper.Unmarshal(&cfg); err != nil {
		log.Fatal(err)
	}
	conn, err := grpc.NewClient(cfg.Users.Users, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
}
