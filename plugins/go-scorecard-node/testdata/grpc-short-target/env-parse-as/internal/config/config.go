// Package config reads the service's settings from the environment.
package config

import "github.com/caarlos0/env/v11"

// Upstream is one gRPC backend.
type Upstream struct {
	Addr string `env:"ADDR,required"`
}

// Config holds the upstreams.
type Config struct {
	OrdersAddr string   `env:"ORDERS_ADDR" envDefault:"orders:9000"` // want "grpc-short-target"
	Audit      Upstream `envPrefix:"AUDIT_"`
}

// Load parses the environment into a new Config.
func Load() (Config, error) {
	return env.ParseAs[Config]()
}

// Billing is read with the SHOP_ prefix: SHOP_BILLING_ADDR.
type Billing struct {
	Addr string `env:"BILLING_ADDR,required"`
}

// LoadBilling parses the prefixed environment into b.
func LoadBilling(b *Billing) error {
	return env.ParseWithOptions(b, env.Options{Prefix: "SHOP_"})
}
