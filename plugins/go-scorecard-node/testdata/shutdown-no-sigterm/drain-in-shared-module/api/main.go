package main

import (
	"net/http"

	"example.com/platform/server"
)

func main() {
	server.RunHTTP(":8080", http.NotFoundHandler())
}
