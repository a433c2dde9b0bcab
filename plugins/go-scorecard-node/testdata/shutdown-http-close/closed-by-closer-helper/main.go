package main

import (
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"example.com/receive/internal/runutil"
)

type handler struct {
	srv *http.Server
}

// close hands the server to a helper that only knows an io.Closer: it is closed, not drained.
func (h *handler) close() {
	runutil.CloseWithLog(h.srv, "receive HTTP server") // want "shutdown-http-close: CloseWithLog closes the http.Server it is given"
}

func main() {
	h := &handler{srv: &http.Server{Addr: ":10908"}}
	go func() {
		if err := h.srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	f, err := os.Open("/etc/receive.yaml")
	if err != nil {
		log.Fatal(err)
	}
	defer runutil.CloseWithLog(f, "config")
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	h.close()
}
