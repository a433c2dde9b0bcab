//go:build ignore

// gen writes the currency table; run with `go run gen/gen.go`. go mod tidy leaves it out.
package main

import (
	"os"

	"github.com/dave/jennifer/jen"
)

func main() {
	f := jen.NewFile("currency")
	_ = f.Save(os.Args[1])
}
