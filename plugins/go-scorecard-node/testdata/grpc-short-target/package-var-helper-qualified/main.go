package main

import "log"

func main() {
	conn, err := openConn(pricingHost)
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
}
