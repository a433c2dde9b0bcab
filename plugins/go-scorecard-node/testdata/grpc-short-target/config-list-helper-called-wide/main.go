package main

import (
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"gopkg.in/yaml.v3"
)

type Addr struct {
	Addr string `yaml:"addr"`
}

type Upstream struct {
	NetAddrs []Addr `yaml:"netAddrs"`
}

type Config struct {
	Upstream Upstream `yaml:"upstream"`
	Cache    Upstream `yaml:"cache"`
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
	dialAll(cfg.Upstream.NetAddrs)
	// A list that is not read through a field: the helper may dial any loaded list.
	dialAll(loadExtra(cfg))
	// Handed on as a value: its callers are not all known.
	run(dialAll, cfg.Cache.NetAddrs)
}

func loadExtra(cfg Config) []Addr {
	return append(cfg.Upstream.NetAddrs, cfg.Cache.NetAddrs...)
}

func run(f func([]Addr), addrs []Addr) { f(addrs) }

func dialAll(addrs []Addr) {
	for _, a := range addrs {
		if _, err := grpc.NewClient(a.Addr, grpc.WithTransportCredentials(insecure.NewCredentials())); err != nil {
			log.Fatal(err)
		}
	}
}
