package main

import "example.com/shop/pkg/service"

func main() {
	service.Run()
}
