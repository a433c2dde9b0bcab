package main

import (
	"net/http"
	"time"
)

// The server lives in a struct field declared in this file; main.go stops it.
type app struct {
	srv *http.Server
}

func newApp(handler http.Handler) *app {
	return &app{srv: &http.Server{
		Addr:              ":8080",
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
	}}
}
