package main

import (
	"context"
	"log"
	"net"

	"google.golang.org/grpc"
	"sigs.k8s.io/controller-runtime/pkg/manager"
	"sigs.k8s.io/controller-runtime/pkg/manager/signals"
)

// The Manager is held in a field: what is added to it still runs when it starts.
type Server struct{ mgr manager.Manager }

func NewServer() (*Server, error) {
	mgr, err := manager.New(nil, manager.Options{})
	if err != nil {
		return nil, err
	}
	return &Server{mgr: mgr}, nil
}

func (s *Server) doServe() error {
	if err := s.mgr.Add(&xdsServer{}); err != nil {
		return err
	}
	mgr := s.mgr
	if err := mgr.Add(&debugServer{}); err != nil {
		return err
	}
	return s.mgr.Start(signals.SetupSignalHandler())
}

type xdsServer struct{}

func (x *xdsServer) Start(ctx context.Context) error {
	g := grpc.NewServer()
	l, err := net.Listen("tcp", ":8001")
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		g.Stop() // want "shutdown-grpc-stop"
	}()
	return g.Serve(l)
}

type debugServer struct{}

func (d *debugServer) Start(ctx context.Context) error {
	g := grpc.NewServer()
	l, err := net.Listen("tcp", ":8002")
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		g.Stop() // want "shutdown-grpc-stop"
	}()
	return g.Serve(l)
}

func main() {
	srv, err := NewServer()
	if err != nil {
		log.Fatal(err)
	}
	if err := srv.doServe(); err != nil {
		log.Fatal(err)
	}
}
