package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"time"

	"github.com/judwhite/go-svc"
)

type program struct {
	srv *http.Server
}

// go-svc calls Init and Start, waits for SIGINT or SIGTERM (Run given no signal), then calls
// Stop, which drains the server Start serves.
func main() {
	if err := svc.Run(&program{}); err != nil {
		log.Fatal(err)
	}
}

func (p *program) Init(env svc.Environment) error {
	p.srv = &http.Server{Addr: ":8080"}
	return nil
}

func (p *program) Start() error {
	go func() {
		if err := p.srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	return nil
}

func (p *program) Stop() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return p.srv.Shutdown(ctx)
}
