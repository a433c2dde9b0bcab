package service

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/oklog/oklog/pkg/group"
)

// Run serves with an http.Server and drains it on SIGTERM.
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
	srv := &http.Server{Handler: http.NotFoundHandler()}
	g.Add(func() error {
		return srv.Serve(listener)
	}, func(error) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
}

func initCancelInterrupt(g *group.Group) {
	g.Add(func() error {
		c := make(chan os.Signal, 1)
		signal.Notify(c, syscall.SIGTERM)
		return fmt.Errorf("received signal %s", <-c)
	}, func(error) {})
}
