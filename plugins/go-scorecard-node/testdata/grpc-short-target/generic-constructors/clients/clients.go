// Package clients builds typed gRPC clients with generic constructors.
package clients

import (
	"context"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Client holds a target until it is dialed.
type Client[T any] struct {
	target string
	wrap   func(grpc.ClientConnInterface) T
}

// New keeps the target in a generic struct literal.
func New[T any](target string) *Client[T] {
	return &Client[T]{target: target}
}

// Dial connects to the kept target.
func (c *Client[T]) Dial() (*grpc.ClientConn, error) {
	return grpc.NewClient(c.target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// Connect dials a target given straight to it.
func Connect[T any](target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// ConnectContext dials a target given straight to it, under a context.
func ConnectContext[T any](ctx context.Context, target string) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
