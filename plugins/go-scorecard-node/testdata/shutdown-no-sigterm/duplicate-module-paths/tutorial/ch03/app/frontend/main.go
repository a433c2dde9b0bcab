package main

import "example.com/mall/app/frontend/infra/server"

func main() {
	server.Run(":8080")
}
