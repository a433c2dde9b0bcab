package main

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func main() {
	e := echo.New()
	s := &http.Server{Addr: ":8080"}
	e.Logger.Fatal(e.StartServer(s)) // want "shutdown-no-sigterm"
}
