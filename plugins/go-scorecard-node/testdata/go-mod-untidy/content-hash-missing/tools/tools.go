//go:build tools

// Package tools pins the code generators: go mod tidy reads it (every tag but ignore holds).
package tools

import (
	_ "github.com/golang/mock/mockgen" // want "go-mod-untidy"
)
