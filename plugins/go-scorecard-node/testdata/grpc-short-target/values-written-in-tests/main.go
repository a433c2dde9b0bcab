package main

import (
	"log"

	"example.com/billing/client"
)

func main() {
	conn, err := client.Dial("payments:9000") // want "grpc-short-target"
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	other, err := client.DialOptions(client.Options{Target: "ledger.billing.svc.cluster.local.:9000"})
	if err != nil {
		log.Fatal(err)
	}
	defer other.Close()
	def, err := client.DialDefault()
	if err != nil {
		log.Fatal(err)
	}
	defer def.Close()
}
