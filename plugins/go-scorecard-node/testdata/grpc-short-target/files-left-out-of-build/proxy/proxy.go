// Package proxy forwards queries to an upstream over gRPC.
package proxy

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Proxy holds the upstream's address and connection.
type Proxy struct {
	addr string
	conn *grpc.ClientConn
}

// New dials addr.
func New(addr string) (*Proxy, error) {
	p := &Proxy{addr: addr}
	conn, err := grpc.NewClient(p.addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	p.conn = conn
	return p, nil
}

// Default dials the platform's default upstream.
func Default() (*Proxy, error) {
	if prodUpstream != "" {
		return New(prodUpstream)
	}
	return New(defaultUpstream)
}
