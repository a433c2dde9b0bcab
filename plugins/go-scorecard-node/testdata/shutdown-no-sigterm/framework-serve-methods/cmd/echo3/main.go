package main

import "github.com/labstack/echo"

// echo v3, imported without a major version.
func main() {
	e := echo.New()
	e.Logger.Fatal(e.Start(":1323")) // want "shutdown-no-sigterm"
}
