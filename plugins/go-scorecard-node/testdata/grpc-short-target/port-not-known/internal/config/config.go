package config

import "os"

// Get reads an env var, with a default.
func Get(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

// Config is the service's configuration.
type Config struct{ ShippingHost string }

// Load reads the configuration from the environment.
func Load() Config {
	return Config{
		ShippingHost: Get("SHIPPING_HOST", "shipping"), // want "grpc-short-target"
	}
}
