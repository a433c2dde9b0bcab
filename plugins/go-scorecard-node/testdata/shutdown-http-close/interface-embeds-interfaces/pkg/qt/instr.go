package qt

import (
	"net"
	"net/http"
)

// Instr has a Stop but neither Get nor Close: it is no Store.
type Instr struct{ srv *http.Server }

func New() *Instr { return &Instr{} }

func (s *Instr) Start() error {
	l, err := net.Listen("tcp", ":9900")
	if err != nil {
		return err
	}
	s.srv = &http.Server{Handler: http.DefaultServeMux}
	go func() { _ = s.srv.Serve(l) }() // want "shutdown-http-close"
	return nil
}

// Stop is called by no binary: a Store's Stop is never this one.
func (s *Instr) Stop() {
	s.srv.Close()
}
