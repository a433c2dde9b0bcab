package main

import (
	"context"
	"log"
	"net/http"
	"time"

	"github.com/kardianos/service"
)

type program struct {
	srv *http.Server
}

// The Service New gives runs the program: Run calls Start, waits for SIGTERM or os.Interrupt,
// then calls Stop. Start's serve error is fatal, so Stop's graceful Shutdown exits as a failure.
func main() {
	prg := &program{srv: &http.Server{Addr: ":8080"}}
	s, err := service.New(prg, &service.Config{Name: "agent"})
	if err != nil {
		log.Fatal(err)
	}
	if err := s.Run(); err != nil {
		log.Fatal(err)
	}
}

func (p *program) Start(s service.Service) error {
	go func() {
		log.Fatal(p.srv.ListenAndServe()) // want "shutdown-errserverclosed"
	}()
	return nil
}

func (p *program) Stop(s service.Service) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return p.srv.Shutdown(ctx)
}
