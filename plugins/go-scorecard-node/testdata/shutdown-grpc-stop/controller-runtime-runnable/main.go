package main

import (
	"context"
	"log"
	"net"

	"google.golang.org/grpc"
	ctrl "sigs.k8s.io/controller-runtime"
)

// agentServer is a controller-runtime Runnable: the manager calls its Start.
type agentServer struct{ addr string }

func (g *agentServer) Start(ctx context.Context) error {
	lis, err := net.Listen("tcp", g.addr)
	if err != nil {
		return err
	}
	server := grpc.NewServer()
	go func() {
		<-ctx.Done()
		server.Stop() // want "shutdown-grpc-stop"
	}()
	return server.Serve(lis)
}

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	if err != nil {
		log.Fatal(err)
	}
	if err := mgr.Add(&agentServer{addr: ":8443"}); err != nil {
		log.Fatal(err)
	}
	if err := mgr.Start(ctrl.SetupSignalHandler()); err != nil {
		log.Fatal(err)
	}
}
