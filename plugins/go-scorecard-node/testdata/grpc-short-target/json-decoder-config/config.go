package main

import (
	"encoding/json"
	"os"
)

// Config mirrors config.json.
type Config struct {
	Listen   string `json:"listen"`
	Services struct {
		Pricing string `json:"pricing"`
		Tax     string `json:"tax"`
	} `json:"services"`
}

func loadConfig(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var c Config
	if err := json.NewDecoder(f).Decode(&c); err != nil {
		return nil, err
	}
	return &c, nil
}
