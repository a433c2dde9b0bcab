package config

// Default is the default config.
const Default = "dev"
