package main

import (
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// The server lives in a nested field; the stop helpers copy it into locals before closing it.
type wsServer struct{ server *http.Server }

type Server struct{ websocket wsServer }

func (s *Server) start(l net.Listener) {
	s.websocket.server = &http.Server{Handler: http.NotFoundHandler()}
	go func() {
		if err := s.websocket.server.Serve(l); err != http.ErrServerClosed {
			panic(err)
		}
	}()
}

func (s *Server) closeWebsocket() {
	hs := s.websocket.server
	if hs != nil {
		hs.Close() // want "shutdown-http-close"
	}
}

func (s *Server) closeWebsocketVia() {
	ws := &s.websocket
	hs := ws.server
	hs.Close() // want "shutdown-http-close"
}

// Files and buffers are closed too: no server there.
func cleanup(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	return f.Close()
}

func main() {
	l, _ := net.Listen("tcp", ":8080")
	s := &Server{}
	s.start(l)
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	<-c
	s.closeWebsocket()
	s.closeWebsocketVia()
	_ = cleanup("/tmp/x")
}
