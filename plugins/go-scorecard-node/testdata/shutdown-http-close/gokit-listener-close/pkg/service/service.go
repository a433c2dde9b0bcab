package service

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/oklog/oklog/pkg/group"
)

// Run serves HTTP with http.Serve and, on SIGTERM, only closes the listener: no drain.
func Run() {
	g := &group.Group{}
	initHTTPHandler(g)
	initCancelInterrupt(g)
	fmt.Println(g.Run())
}

func initHTTPHandler(g *group.Group) {
	listener, err := net.Listen("tcp", ":8081")
	if err != nil {
		return
	}
	g.Add(func() error {
		return http.Serve(listener, http.NotFoundHandler()) // want "shutdown-http-close"
	}, func(error) {
		listener.Close()
	})
}

func initCancelInterrupt(g *group.Group) {
	cancel := make(chan struct{})
	g.Add(func() error {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
		select {
		case sig := <-c:
			return fmt.Errorf("received signal %s", sig)
		case <-cancel:
			return nil
		}
	}, func(error) {
		close(cancel)
	})
}
