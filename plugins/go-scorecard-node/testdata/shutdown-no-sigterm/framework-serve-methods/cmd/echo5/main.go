package main

import (
	"log"

	"github.com/labstack/echo/v5"
)

func newServer() *echo.Echo { return echo.New() }

func main() {
	e := newServer()
	if err := e.Start(":8080"); err != nil { // want "shutdown-no-sigterm"
		log.Fatal(err)
	}
}
