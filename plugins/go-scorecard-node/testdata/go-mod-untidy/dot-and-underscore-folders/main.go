package main

import (
	"fmt"

	"github.com/google/uuid"
	"github.com/rs/cors" // want "go-mod-untidy"
)

func main() {
	fmt.Println(uuid.New(), cors.Default())
}
