package main

import (
	"log"
	"net/http"
	"os"

	"github.com/caarlos0/env/v11"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"gopkg.in/yaml.v3"
)

// Endpoint is one address; the config holds it twice, under different prefixes.
type Endpoint struct {
	Addr string `env:"ADDR" yaml:"addr"`
}

type envConfig struct {
	Templates Endpoint `envPrefix:"TEMPLATES_"`
	Metrics   Endpoint `envPrefix:"METRICS_"`
}

type fileConfig struct {
	Users    Endpoint `yaml:"users"`
	Admin    Endpoint `yaml:"admin"`
	Upstream struct {
		NetAddrs []Endpoint `yaml:"netAddrs"`
	} `yaml:"upstream"`
	Cache struct {
		NetAddrs []Endpoint `yaml:"netAddrs"`
	} `yaml:"cache"`
}

func main() {
	var c envConfig
	if err := env.Parse(&c); err != nil {
		log.Fatal(err)
	}
	b, err := os.ReadFile("configs/config.yaml")
	if err != nil {
		log.Fatal(err)
	}
	var f fileConfig
	if err := yaml.Unmarshal(b, &f); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	// Only TEMPLATES_ADDR is this target, not METRICS_ADDR.
	if _, err := grpc.NewClient(c.Templates.Addr, creds); err != nil {
		log.Fatal(err)
	}
	// Only users.addr is this target, not admin.addr; read through a local.
	users := f.Users
	if _, err := grpc.NewClient(users.Addr, creds); err != nil {
		log.Fatal(err)
	}
	// Only upstream.netAddrs.addr: the same field path below another key is the cache's.
	for _, a := range f.Upstream.NetAddrs {
		if _, err := grpc.NewClient(a.Addr, creds); err != nil {
			log.Fatal(err)
		}
	}
	for _, c := range f.Cache.NetAddrs {
		log.Println(c.Addr)
	}
	go func() { log.Fatal(http.ListenAndServe(f.Admin.Addr, nil)) }()
	log.Fatal(http.ListenAndServe(c.Metrics.Addr, nil))
}
