package main

import (
	"context"
	"log"

	"github.com/labstack/echo/v5"
)

// echo v5 serves through a StartConfig.
func main() {
	e := echo.New()
	if err := (echo.StartConfig{Address: ":8080"}).Start(context.Background(), e); err != nil { // want "shutdown-no-sigterm"
		log.Fatal(err)
	}
}
