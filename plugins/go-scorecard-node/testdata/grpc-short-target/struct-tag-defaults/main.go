package main

import (
	"log"

	"github.com/ardanlabs/conf/v3"
	"github.com/caarlos0/env/v10"
	"github.com/kelseyhightower/envconfig"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type usersConfig struct {
	Addr        string `envconfig:"USERS_ADDR" default:"users:7000"` // want "grpc-short-target"
	RatingsAddr string `split_words:"true"`
}

type cartConfig struct {
	Addr string `env:"CART_ADDR" envDefault:"cart:7070"` // want "grpc-short-target"
}

func main() {
	cfg := struct {
		Auth struct {
			Host string `conf:"default:auth-service:6001"` // want "grpc-short-target"
		}
		Metrics struct {
			Host string `conf:"default:prometheus:9090"`
		}
	}{}
	if _, err := conf.Parse("SALES", &cfg); err != nil {
		log.Fatal(err)
	}
	var users usersConfig
	envconfig.MustProcess("", &users)
	var cart cartConfig
	if err := env.Parse(&cart); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	for _, target := range []string{} {
		_ = target
	}
	a, _ := grpc.NewClient(cfg.Auth.Host, creds)
	u, _ := grpc.NewClient(users.Addr, creds)
	r, _ := grpc.NewClient(users.RatingsAddr, creds) // RATINGS_ADDR: set in the manifest
	defer r.Close()
	c, _ := grpc.NewClient(cart.Addr, creds)
	defer a.Close()
	defer u.Close()
	defer c.Close()
	log.Println(cfg.Metrics.Host)
}
