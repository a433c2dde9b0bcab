package server

import (
	"log"
	"net/http"
	"os"
)

// RunHTTP serves handler on $PORT until the process dies.
func RunHTTP(handler http.Handler) {
	runOn(":"+os.Getenv("PORT"), handler)
}

func runOn(addr string, handler http.Handler) {
	if err := http.ListenAndServe(addr, handler); err != nil { // want "shutdown-no-sigterm"
		log.Fatalf("http: %v", err)
	}
}
