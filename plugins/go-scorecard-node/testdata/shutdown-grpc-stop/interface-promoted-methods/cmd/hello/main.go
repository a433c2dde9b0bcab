package main

import (
	"log"
	"os"
	"os/signal"
	"syscall"

	"example.com/hello/internal/rpc"
)

type app struct{ server rpc.Server }

func main() {
	a := &app{server: rpc.New(":9000")}
	go func() {
		if err := a.server.Start(); err != nil {
			log.Fatal(err)
		}
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, os.Interrupt)
	<-sig
	a.server.Stop()
}
