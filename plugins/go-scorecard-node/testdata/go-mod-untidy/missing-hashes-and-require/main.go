package main

import (
	"fmt"

	"example.com/payments/internal/pay"
	"github.com/google/uuid"
	"github.com/pkg/errors" // want "go-mod-untidy"
	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	fmt.Println(uuid.New(), pay.Name, errors.New("x"), g.Wait())
}
