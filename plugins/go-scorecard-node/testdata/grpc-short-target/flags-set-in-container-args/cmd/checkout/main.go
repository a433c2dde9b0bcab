package main

import (
	"flag"
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// The defaults are fully qualified; the Deployment's args set the flags to short names.
var (
	usersAddr  = flag.String("users-addr", "users.shop.svc.cluster.local.:8080", "users service")
	ordersAddr string
	stockAddr  string
	auditAddr  string
)

func dial(target string) *grpc.ClientConn {
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	return conn
}

func main() {
	flag.StringVar(&ordersAddr, "orders-addr", "orders.shop.svc.cluster.local.:9000", "orders service")
	flag.StringVar(&stockAddr, "stock-addr", "stock.shop.svc.cluster.local.:9000", "stock service")
	flag.StringVar(&auditAddr, "audit-addr", "audit.compliance.svc.cluster.local.:7000", "audit service")
	flag.Parse()
	defer dial(*usersAddr).Close()
	defer dial(ordersAddr).Close()
	defer dial(stockAddr).Close()
	defer dial(auditAddr).Close()
}
