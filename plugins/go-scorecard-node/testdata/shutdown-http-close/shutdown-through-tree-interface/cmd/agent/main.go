package main

import (
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// stopper is no interface *http.Server implements: its Stop is another object's.
type stopper interface{ Stop() }

type worker struct{}

func (worker) Stop() {}

func main() {
	l, _ := net.Listen("tcp", ":9090")
	srv := &http.Server{Handler: http.NotFoundHandler()}
	go srv.Serve(l) // want "shutdown-http-close: .*never shuts down"
	var s stopper = worker{}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	s.Stop()
}
