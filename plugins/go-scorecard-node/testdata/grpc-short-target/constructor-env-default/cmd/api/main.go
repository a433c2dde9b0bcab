package main

import (
	"log"

	"example.com/shop/pkg/settings"
	"example.com/shop/services/payments"
)

func main() {
	if _, err := payments.New(settings.PaymentsAddr()); err != nil {
		log.Fatal(err)
	}
}
