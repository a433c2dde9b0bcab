package main

import (
	"log"
	nethttp "net/http"

	"github.com/cloudwego/kitex/server"
)

// A Kitex server's Run waits for SIGINT or SIGTERM, then stops gracefully.
func main() {
	// The metrics endpoint serves beside it: the binary serves, and the library handles SIGTERM.
	go func() { _ = nethttp.ListenAndServe(":9090", nil) }()
	svr := server.NewServer()
	if err := svr.Run(); err != nil {
		log.Fatal(err)
	}
}
