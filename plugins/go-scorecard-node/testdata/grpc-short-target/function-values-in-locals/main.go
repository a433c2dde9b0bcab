package main

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/fv/dial"
)

type connector struct{}

func (connector) Open(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

func open(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// Functions and methods held in locals, then called: their parameters get the arguments.
func main() {
	c := connector{}
	byMethod := c.Open
	byMethod("users:8080") // want "grpc-short-target"
	byFunc := open
	byFunc("orders:9000") // want "grpc-short-target"
	byPackage := dial.Open
	byPackage("stock.inventory:9000") // want "grpc-short-target"
	byPackage("audit.compliance.svc.cluster.local.:9000")
}
