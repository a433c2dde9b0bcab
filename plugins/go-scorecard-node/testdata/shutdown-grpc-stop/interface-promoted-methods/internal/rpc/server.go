// Package rpc runs the gRPC server behind an interface. rpcServer declares Start itself and gets
// AddOptions and Stop from the embedded *base: it implements Server all the same.
package rpc

import (
	"net"

	"google.golang.org/grpc"
)

// Server is what the binary holds.
type Server interface {
	AddOptions(opts ...grpc.ServerOption)
	Start() error
	Stop()
}

type base struct {
	options []grpc.ServerOption
	server  *grpc.Server
}

func (b *base) AddOptions(opts ...grpc.ServerOption) { b.options = append(b.options, opts...) }

func (b *base) Stop() {
	b.server.Stop() // want "shutdown-grpc-stop"
}

type rpcServer struct {
	*base
	addr string
}

// New returns the server as the interface.
func New(addr string) Server { return &rpcServer{base: &base{}, addr: addr} }

func (s *rpcServer) Start() error {
	s.server = grpc.NewServer(s.options...)
	lis, err := net.Listen("tcp", s.addr)
	if err != nil {
		return err
	}
	return s.server.Serve(lis)
}
