// Package config registers the service's defaults; files and the environment override them.
package config

import "github.com/spf13/viper"

const searchDefault = "search-indexer:9000" // want "grpc-short-target"

// Init registers the defaults.
func Init(v *viper.Viper) {
	viper.SetDefault("grpc.search_addr", searchDefault)
	v.SetDefault("grpc.ledger_addr", "ledger:9000") // want "grpc-short-target"
	// A default no dial reads.
	viper.SetDefault("cache.addr", "redis:6379")
}
