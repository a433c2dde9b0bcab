package main

import (
	"log"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	mustDial("dns:///cart:7070", creds)                 // want "grpc-short-target"
	mustDial("passthrough:///orders.shop:9000", creds)  // want "grpc-short-target"
	mustDial("dns://10.0.0.10/ledger:9000", creds)      // want "grpc-short-target"
	mustDial("dns:///users.shop.svc.cluster.local.:8080", creds)
	mustDial("xds:///reviews", creds)
	mustDial("unix:///var/run/agent.sock", creds)
	mustDial("kubernetes:///inventory:8080", creds)
}

// mustDial dials target: the target's values are its callers' arguments.
func mustDial(target string, opts ...grpc.DialOption) *grpc.ClientConn {
	conn, err := grpc.NewClient(target, opts...)
	if err != nil {
		log.Fatal(err)
	}
	return conn
}
