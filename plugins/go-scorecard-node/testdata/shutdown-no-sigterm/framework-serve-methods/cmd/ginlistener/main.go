package main

import (
	"net"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.New()
	l, _ := net.Listen("tcp", ":8080")
	_ = r.RunListener(l) // want "shutdown-no-sigterm"
}
