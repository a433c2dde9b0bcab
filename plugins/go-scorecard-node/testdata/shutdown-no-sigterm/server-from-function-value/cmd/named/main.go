// The server comes from calling a function literal held by a variable of a named func type.
package main

import (
	"log"
	"net/http"
)

type factory func() *http.Server

func main() {
	var mk factory = func() *http.Server { return &http.Server{Addr: ":8080"} }
	srv := mk()
	log.Print(srv.ListenAndServe()) // want "shutdown-no-sigterm"
}
