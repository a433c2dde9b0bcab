package main

import "os"

// pricingHost is read once at start-up.
var pricingHost = os.Getenv("PRICING_HOST")
