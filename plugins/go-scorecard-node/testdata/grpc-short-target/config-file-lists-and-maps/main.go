package main

import (
	"log"
	"os"

	"github.com/goccy/go-yaml"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type backend struct {
	Name string `yaml:"name"`
	Addr string `yaml:"addr"`
}

type client struct {
	Addr string `yaml:"addr"`
}

type config struct {
	Backends []backend        `yaml:"backends"`
	Clients  map[string]client `yaml:"clients"`
	Targets  map[string]string `yaml:"targets"`
	Listen   string            `yaml:"listen"`
}

func main() {
	b, err := os.ReadFile("configs/gateway.yaml")
	if err != nil {
		log.Fatal(err)
	}
	var cfg config
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	for _, be := range cfg.Backends {
		if _, err := grpc.NewClient(be.Addr, creds); err != nil {
			log.Fatal(err)
		}
	}
	if _, err := grpc.NewClient(cfg.Clients["users"].Addr, creds); err != nil {
		log.Fatal(err)
	}
	if _, err := grpc.NewClient(cfg.Targets["billing"], creds); err != nil {
		log.Fatal(err)
	}
	log.Println(cfg.Listen)
}
