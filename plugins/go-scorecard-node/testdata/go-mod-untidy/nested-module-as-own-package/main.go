package main

import (
	"fmt"

	"example.com/svc/api" // want "go-mod-untidy: no requirement of go.mod provides the imported package example.com/svc/api;"
	"example.com/svc/api/types" // want "go-mod-untidy"
	"example.com/svc/client"
	"example.com/svc/internal/config"
)

func main() {
	fmt.Println(api.Version, types.Kind, client.Name, config.Default)
}
