// Package cluster dials the peers of a replicated store.
package cluster

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Connect dials every peer, each given as its own argument or as a slice with `peers...`.
func Connect(name string, peers ...string) ([]*grpc.ClientConn, error) {
	var conns []*grpc.ClientConn
	for _, p := range peers {
		c, err := grpc.NewClient(p, grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			return nil, err
		}
		conns = append(conns, c)
	}
	_ = name
	return conns, nil
}

// DialFirst dials the first of its targets.
func DialFirst(targets ...string) (*grpc.ClientConn, error) {
	return grpc.NewClient(targets[0], grpc.WithTransportCredentials(insecure.NewCredentials()))
}
