package main

import (
	"context"
	"errors"
	"net/http"
	"syscall"

	"github.com/oklog/run"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	var g run.Group
	g.Add(func() error {
		err := srv.ListenAndServe()
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return err
	}, func(error) {
		_ = srv.Shutdown(context.Background())
	})
	// oklog/run's SignalHandler installs signal.Notify for the signals it is given.
	g.Add(run.SignalHandler(context.Background(), syscall.SIGINT, syscall.SIGTERM))
	_ = g.Run()
}
