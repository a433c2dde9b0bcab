package server

import (
	"context"
	"net/http"
	"testing"
	"time"
)

// A test's drain bound never runs in the pod: it is no bound of the service's.
func TestServe(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Serve(ctx, &http.Server{Addr: "127.0.0.1:0"}, 2*time.Minute); err != nil {
		t.Fatal(err)
	}
}
