package main

import "example.com/inventory/api"

func main() { _ = api.Name }
