package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"example.com/orders/internal/server"
)

// srv.Stop() is grpc.Server's Stop, promoted through the embedded field: in-flight RPCs are cancelled.
func main() {
	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatal(err)
	}
	srv := server.New(log.Default())
	go func() {
		if err := srv.Run(lis); err != nil {
			log.Printf("serve: %v", err)
		}
	}()

	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGTERM)
	<-quit
	srv.Stop() // want "shutdown-grpc-stop"
}
