//go:build ignore

package main

import "example.com/dnsd/proxy"

func main() { _, _ = proxy.New("generator:53") }
