// Copyright 2019 Example Authors.

// +build ignore

package main

import "github.com/example/oldgen"

func main() { oldgen.Run() }
