package rpc

import (
	"net"
	"strconv"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Builder dials a host and port set by its chained methods.
type Builder struct {
	host string
	port int
}

func NewBuilder() *Builder { return &Builder{port: 443} }

func (b *Builder) Host(h string) *Builder { b.host = h; return b }

func (b *Builder) Port(p int) *Builder { b.port = p; return b }

func (b *Builder) Build() (*grpc.ClientConn, error) {
	target := net.JoinHostPort(b.host, strconv.Itoa(b.port))
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
