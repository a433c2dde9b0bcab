package main

import (
	"go.uber.org/fx"

	"example.com/orders/internal/httpserver"
)

// fx's App.Run blocks until SIGINT or SIGTERM, then runs the OnStop hooks.
func main() {
	fx.New(
		fx.Provide(httpserver.New),
		fx.Invoke(func(*httpserver.Server) {}),
	).Run()
}
