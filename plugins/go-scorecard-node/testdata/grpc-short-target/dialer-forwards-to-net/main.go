package main

import (
	"context"
	"log"
	"net"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// A dialer that only sets timeouts hands the name to Go's resolver, which walks the search list.
func dialer(ctx context.Context, addr string) (net.Conn, error) {
	d := net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	return d.DialContext(ctx, "tcp", addr)
}

// A dialer that dials a local proxy's socket: the name never meets the resolver.
func viaProxy(ctx context.Context, _ string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "unix", "/run/egress.sock")
}

func main() {
	ctx := context.Background()
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	a, err := grpc.Dial("inventory:9000", grpc.WithContextDialer(dialer), creds) // want "grpc-short-target"
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()
	opts := []grpc.DialOption{creds, grpc.WithContextDialer(func(ctx context.Context, target string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "tcp", target)
	})}
	b, err := grpc.DialContext(ctx, "ledger:9000", opts...) // want "grpc-short-target"
	if err != nil {
		log.Fatal(err)
	}
	defer b.Close()
	c, err := grpc.Dial("billing:7000", creds, grpc.WithDialer(func(addr string, t time.Duration) (net.Conn, error) { // want "grpc-short-target"
		return net.DialTimeout("tcp", addr, t)
	}))
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	d, err := grpc.Dial("orders:9000", grpc.WithContextDialer(viaProxy), creds)
	if err != nil {
		log.Fatal(err)
	}
	defer d.Close()
}
