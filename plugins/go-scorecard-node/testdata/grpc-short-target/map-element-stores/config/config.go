package config

import "os"

// Config keeps its backends in a map a loader fills key by key.
type Config struct {
	Backends map[string]string
}

// Defaults are filled at start-up.
var Defaults = map[string]string{}

func init() {
	Defaults["inventory"] = "inventory:9000" // want "grpc-short-target"
}

// Load fills the backends, the environment first.
func Load() *Config {
	c := &Config{Backends: map[string]string{}}
	c.Backends["users"] = "users:8080" // want "grpc-short-target"
	if v := os.Getenv("ORDERS_ADDR"); v != "" {
		c.Backends["orders"] = v
	}
	c.Backends["search"] = "search.search.svc.cluster.local.:9200"
	return c
}
