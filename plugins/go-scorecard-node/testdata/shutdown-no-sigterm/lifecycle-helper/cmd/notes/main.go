package main

import (
	"log"
	"net"
	"net/http"

	"google.golang.org/grpc"

	"example.com/shop/internal/lifecycle"
)

func main() {
	rpc := grpc.NewServer()
	lis, err := net.Listen("tcp", ":50051")
	if err != nil {
		log.Fatal(err)
	}
	go func() {
		if err := rpc.Serve(lis); err != nil {
			log.Fatal(err)
		}
	}()
	web := &http.Server{Addr: ":8080"}
	go func() {
		if err := web.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	lifecycle.Wait(rpc, web)
}
