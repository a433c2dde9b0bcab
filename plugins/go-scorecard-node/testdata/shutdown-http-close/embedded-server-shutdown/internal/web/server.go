package web

import (
	"net/http"
	"time"
)

// Server embeds *http.Server: ListenAndServe, Shutdown and Close are promoted to it.
type Server struct {
	*http.Server
	name string
}

func NewServer(addr string, h http.Handler) *Server {
	return &Server{
		Server: &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 5 * time.Second},
		name:   "web",
	}
}
