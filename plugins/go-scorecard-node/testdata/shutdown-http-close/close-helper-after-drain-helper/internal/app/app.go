package app

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
)

// Srv is the API server both binaries run.
var Srv = &http.Server{Addr: ":8080"}

// Serve serves in the background until SIGTERM.
func Serve() {
	go func() {
		if err := Srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			log.Fatal(err)
		}
	}()
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM)
	<-ch
}
