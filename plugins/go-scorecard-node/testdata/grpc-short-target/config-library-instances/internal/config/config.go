package config

import "github.com/spf13/viper"

// Config wraps a viper instance loaded from the config file.
type Config struct {
	v *viper.Viper
}

// Load reads configs/app.yaml.
func Load() (*Config, error) {
	v := viper.New()
	v.SetConfigFile("configs/app.yaml")
	if err := v.ReadInConfig(); err != nil {
		return nil, err
	}
	return &Config{v: v}, nil
}

// Addr is the address under key.
func (c *Config) Addr(key string) string {
	return c.v.GetString(key)
}
