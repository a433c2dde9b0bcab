// The foreground serve is one branch; the other serves in the background and handles SIGTERM.
package main

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	srv := &http.Server{Addr: ":8080"}
	if os.Getenv("FOREGROUND") != "" {
		log.Fatal(srv.ListenAndServe())
	}
	go func() { _ = srv.ListenAndServe() }()
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM)
	<-ch
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}
