package main

import (
	"os"

	"example.com/dnsd/proxy"
)

func main() {
	if _, err := proxy.New(os.Args[1]); err != nil {
		os.Exit(1)
	}
	if _, err := proxy.Default(); err != nil {
		os.Exit(1)
	}
}
