package main

import (
	"log"

	"example.com/shop/services/payments"
)

// The helper dials its parameter; its only caller passes a fully qualified name.
func main() {
	if _, err := payments.New("payments.billing.svc.cluster.local.:9090"); err != nil {
		log.Fatal(err)
	}
}
