package main

import (
	"log"
	"net/http"
	"time"

	"example.com/shop/internal/app"
	"example.com/shop/internal/transport/tgrpc"
	"example.com/shop/internal/transport/thttp"
)

func main() {
	httpSrv := thttp.NewServer(":8000", http.NewServeMux())
	grpcSrv := tgrpc.NewServer(":9000")
	a := app.New(25*time.Second, httpSrv, grpcSrv)
	if err := a.Run(); err != nil {
		log.Fatalf("shop: %v", err)
	}
}
