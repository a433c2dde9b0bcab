package indexer

import (
	"log"
	"time"

	"example.com/indexer/internal/cli"
)

func die(what string) { log.Fatal(what) }

// fail ends calling cli.Exit, which never returns.
func fail(what string) {
	log.Printf("indexer: %s", what)
	cli.Exit(2, "indexer: %s", what)
}

// serveForever loops with no way out.
func serveForever() {
	for {
		time.Sleep(time.Second)
	}
}

// blockForever waits on nothing.
func blockForever() {
	select {}
}
