package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/router/backends"
)

type router struct {
	fallbacks []string
}

func newRouter() *router {
	return &router{fallbacks: []string{
		"search:9200", // want "grpc-short-target"
		"search.catalog.svc.cluster.local.:9200",
	}}
}

func dial(target string) *grpc.ClientConn {
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	return conn
}

func main() {
	defer dial(backends.Targets["orders"]).Close()
	r := newRouter()
	defer dial(r.fallbacks[0]).Close()
	for _, addr := range backends.Extra() {
		defer dial(addr).Close()
	}
}
