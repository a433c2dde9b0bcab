package main

import (
	"context"
	"log"
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// testServer dials its own socket: the target is never looked up.
type testServer struct {
	dialTarget  string
	dialOptions []grpc.DialOption
}

func (s *testServer) client() (*grpc.ClientConn, error) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	opts = append(opts, s.dialOptions...)
	return grpc.NewClient(s.dialTarget, opts...)
}

func startTest() *testServer {
	var opts []grpc.DialOption
	opts = append(opts, grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) {
		return net.Dial("unix", "/run/agent.sock")
	}))
	return &testServer{dialTarget: "passthrough:ignored", dialOptions: opts}
}

// upstream keeps plain options: its target is looked up.
type upstream struct {
	target  string
	options []grpc.DialOption
}

func (u *upstream) client() (*grpc.ClientConn, error) {
	return grpc.NewClient(u.target, u.options...)
}

func main() {
	if _, err := startTest().client(); err != nil {
		log.Fatal(err)
	}
	u := &upstream{
		target:  "passthrough:///billing:9000", // want "grpc-short-target"
		options: []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())},
	}
	if _, err := u.client(); err != nil {
		log.Fatal(err)
	}
}
