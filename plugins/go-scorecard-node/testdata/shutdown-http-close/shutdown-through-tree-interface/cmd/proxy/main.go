package main

import (
	"net"
	"os"
	"os/signal"
	"syscall"

	"example.com/proxy/internal/entry"
)

func main() {
	l, _ := net.Listen("tcp", ":8080")
	p := entry.New(l)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	p.Shutdown()
}
