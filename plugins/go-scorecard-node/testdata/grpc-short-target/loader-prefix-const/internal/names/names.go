// Package names holds the service's names.
package names

// Orders is the env prefix of the orders settings.
const Orders = "orders"
