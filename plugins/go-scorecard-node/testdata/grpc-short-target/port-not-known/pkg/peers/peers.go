// Package peers names the services the shop talks to.
package peers

const FraudHost = "fraud-check.risk" // want "grpc-short-target: fraud-check.risk:…"
