package main

import (
	"context"
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"gopkg.in/yaml.v3"
)

type Addr struct {
	Addr string `yaml:"addr"`
}

// Upstream is used for two lists of the config: the services dialed and the caches.
type Upstream struct {
	NetAddrs []Addr `yaml:"netAddrs"`
}

type Config struct {
	Upstream Upstream `yaml:"upstream"`
	Cache    Upstream `yaml:"cache"`
	Billing  Upstream `yaml:"billing"`
	Stats    Upstream `yaml:"stats"`
}

func main() {
	data, err := os.ReadFile("configs/config.yaml")
	if err != nil {
		log.Fatal(err)
	}
	var cfg Config
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	// The helper's parameter is read through the caller's fields: only upstream's list is dialed.
	dialAll(ctx, cfg.Upstream.NetAddrs)
	// Through a local and a pointer to a struct, one helper deeper.
	billing := cfg.Billing
	dialUpstream(ctx, &billing)
	warmCaches(cfg.Cache.NetAddrs)
	warmCaches(cfg.Stats.NetAddrs)
}

func dialUpstream(ctx context.Context, u *Upstream) {
	dialAll(ctx, u.NetAddrs)
}

func dialAll(ctx context.Context, addrs []Addr) {
	for _, a := range addrs {
		if _, err := grpc.NewClient(a.Addr, grpc.WithTransportCredentials(insecure.NewCredentials())); err != nil {
			log.Fatal(err)
		}
	}
}

func warmCaches(addrs []Addr) {
	for _, a := range addrs {
		log.Println("warming", a.Addr)
	}
}
