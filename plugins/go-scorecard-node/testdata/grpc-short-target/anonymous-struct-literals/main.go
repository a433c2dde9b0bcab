package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// A configuration in an anonymous struct: its fields are read where the literal writes them.
var cfg = struct {
	UsersAddr string
	AuditAddr string
}{
	UsersAddr: "users:8080", // want "grpc-short-target"
	AuditAddr: "audit.compliance.svc.cluster.local.:7000",
}

func dial(target string) *grpc.ClientConn {
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	return conn
}

func main() {
	defer dial(cfg.UsersAddr).Close()
	defer dial(cfg.AuditAddr).Close()
	backend := &struct{ Addr string }{Addr: "orders.shop:9000"} // want "grpc-short-target"
	defer dial(backend.Addr).Close()
}
