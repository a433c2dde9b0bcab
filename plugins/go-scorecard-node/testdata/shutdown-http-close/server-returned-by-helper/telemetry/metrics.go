package telemetry

import (
	"errors"
	"log"
	"net"
	"net/http"
)

// StartMetrics serves /metrics in the background and hands the server back to the caller.
func StartMetrics(addr string) (*http.Server, error) {
	srv := &http.Server{Addr: addr}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	go func() {
		if err := srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Print(err)
		}
	}()
	return srv, nil
}
