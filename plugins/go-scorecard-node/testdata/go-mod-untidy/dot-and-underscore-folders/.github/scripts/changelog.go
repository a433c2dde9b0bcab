//go:build tools

package main

import "github.com/google/go-github/v62/github"

func main() { _ = github.NewClient(nil) }
