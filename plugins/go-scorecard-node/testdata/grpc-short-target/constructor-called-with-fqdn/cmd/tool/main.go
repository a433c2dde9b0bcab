package main

import "fmt"

// Another binary passes a short name to an unrelated function: no dial.
func main() {
	fmt.Println(describe("payments:9090"))
}

func describe(addr string) string { return "payments at " + addr }
