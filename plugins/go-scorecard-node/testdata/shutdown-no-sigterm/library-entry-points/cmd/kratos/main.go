package main

import (
	nethttp "net/http"

	"github.com/go-kratos/kratos/v2"
	"github.com/go-kratos/kratos/v2/transport/http"
)

// A Kratos App's Run waits for SIGTERM, SIGQUIT or SIGINT and stops its servers.
func main() {
	// The metrics endpoint serves beside it: the binary serves, and the library handles SIGTERM.
	go func() { _ = nethttp.ListenAndServe(":9090", nil) }()
	app := kratos.New(kratos.Name("orders"), kratos.Server(http.NewServer(http.Address(":8000"))))
	if err := app.Run(); err != nil {
		panic(err)
	}
}
