package main

import (
	"fmt"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"golang.org/x/exp/slices"
)

func main() {
	ids := []string{uuid.NewString()}
	fmt.Println(slices.Contains(ids, "x"), decimal.NewFromInt(1))
}
