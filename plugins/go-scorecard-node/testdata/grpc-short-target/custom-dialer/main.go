package main

import (
	"context"
	"log"
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func proxyDialer(ctx context.Context, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "unix", "/var/run/proxy.sock")
}

func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	// passthrough (explicit, or Dial's default) hands the name to the custom dialer as is.
	a, err := grpc.NewClient("passthrough:///inventory", grpc.WithContextDialer(proxyDialer), creds)
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()
	b, err := grpc.Dial("ledger:9000", grpc.WithContextDialer(proxyDialer), creds)
	if err != nil {
		log.Fatal(err)
	}
	defer b.Close()
	// The same dialer among options built beforehand.
	opts := []grpc.DialOption{creds, grpc.WithContextDialer(proxyDialer)}
	d, err := grpc.NewClient("passthrough:///orders", opts...)
	if err != nil {
		log.Fatal(err)
	}
	defer d.Close()
	// NewClient's dns resolver looks the name up before any dialer sees it.
	c, err := grpc.NewClient("payments:9090", grpc.WithContextDialer(proxyDialer), creds) // want "grpc-short-target"
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
}
