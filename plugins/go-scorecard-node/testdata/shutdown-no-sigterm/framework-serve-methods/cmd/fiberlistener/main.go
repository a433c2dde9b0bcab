package main

import (
	"net"

	"github.com/gofiber/fiber/v2"
)

func main() {
	app := fiber.New(fiber.Config{AppName: "shop"})
	l, _ := net.Listen("tcp", ":8080")
	_ = app.Listener(l) // want "shutdown-no-sigterm"
}
