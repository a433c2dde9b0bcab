package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// The public server drains for up to 20 s, then the admin server for up to another 20 s, each
// under its own timeout: the handler may take 40 s after SIGTERM.
func main() {
	public := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":9090"}
	for _, s := range []*http.Server{public, admin} {
		go func(s *http.Server) {
			if err := s.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
				log.Fatal(err)
			}
		}(s)
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	pctx, pcancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer pcancel()
	if err := public.Shutdown(pctx); err != nil {
		log.Print(err)
	}
	actx, acancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer acancel()
	_ = admin.Shutdown(actx)
}
