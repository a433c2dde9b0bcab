package main

import (
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"example.com/orders/internal/server"
)

// srv.Stop() is the wrapper's own Stop, which drains with GracefulStop and stops only after a timeout.
func main() {
	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatal(err)
	}
	srv := server.New()
	go func() {
		if err := srv.Run(lis); err != nil {
			log.Printf("serve: %v", err)
		}
	}()

	quit := make(chan os.Signal, 1)
	signal.Notify(quit, syscall.SIGTERM)
	<-quit
	srv.Stop()
}
