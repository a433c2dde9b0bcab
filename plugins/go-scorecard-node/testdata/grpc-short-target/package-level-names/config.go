package main

import "os"

// A short name in a constant of another file.
const usersAddr = "user-service:8080" // want "grpc-short-target"

// An env var read in another file, set in the Deployment.
var ordersAddr = os.Getenv("ORDERS_ADDR")

// A fully qualified name with the trailing dot: no finding.
const billingAddr = "billing.shop.svc.cluster.local.:8443"
