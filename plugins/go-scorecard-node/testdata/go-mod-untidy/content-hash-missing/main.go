package main

import (
	"fmt"

	"github.com/google/uuid"
	"golang.org/x/exp/slices"
)

func main() {
	ids := []string{uuid.NewString()}
	fmt.Println(slices.Contains(ids, "x"))
}
