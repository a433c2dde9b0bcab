package main

import (
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"example.com/web/internal/web"
)

func main() {
	srv := web.NewServer(":8080", http.NotFoundHandler())
	go func() {
		if err := srv.ListenAndServe(); err != nil { // want "shutdown-errserverclosed"
			log.Fatal(err)
		}
	}()
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM)
	<-stop
	srv.Close() // want "shutdown-http-close"
}
