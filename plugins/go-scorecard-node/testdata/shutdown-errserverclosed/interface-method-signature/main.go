package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Announcer's Serve takes no parameter: storage's Serve(net.Listener) does not implement it,
// so ann.Serve() never runs storage's server and its fatal error handling judges no serve call.
type Announcer interface {
	Serve() error
	Stop() error
}

type announcer struct{}

func (a *announcer) Serve() error { return nil }
func (a *announcer) Stop() error  { return nil }

type storage struct{ Server *http.Server }

func (s *storage) Serve(l net.Listener) error { return s.Server.Serve(l) }
func (s *storage) Stop() error                { return nil }

// admin implements Listener (storage has no Name): a call through it runs admin's server.
type Listener interface {
	Serve(l net.Listener) error
	Name() string
}

type admin struct{ srv *http.Server }

func (a admin) Name() string { return "admin" }

func (a admin) Serve(l net.Listener) error {
	return a.srv.Serve(l) // want "shutdown-errserverclosed"
}

func main() {
	var ann Announcer = &announcer{}
	go func() {
		if err := ann.Serve(); err != nil {
			log.Fatalf("announcer: %v", err)
		}
	}()
	st := &storage{Server: &http.Server{}}
	l, _ := net.Listen("tcp", ":8080")
	go func() {
		if err := st.Serve(l); err != nil && err != http.ErrServerClosed {
			log.Print(err)
		}
	}()
	adm := &http.Server{}
	var ln Listener = admin{srv: adm}
	al, _ := net.Listen("tcp", ":9090")
	go func() {
		log.Fatal(ln.Serve(al))
	}()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st.Server.Shutdown(ctx)
	adm.Shutdown(ctx)
}
