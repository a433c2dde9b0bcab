package main

import (
	"fmt"
	"net/http"

	"example.com/shared/names"
	"github.com/google/uuid"
)

func main() {
	fmt.Println(uuid.New(), names.Service, http.StatusOK)
}
