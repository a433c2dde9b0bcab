// Package server is chapter 3's copy, in a module that declares the same module path: the
// chapter's binary builds with this one, which never handles SIGTERM.
package server

import (
	"log"
	"net/http"
)

// Run serves until the process dies.
func Run(addr string) {
	log.Fatal(http.ListenAndServe(addr, nil)) // want "shutdown-no-sigterm"
}
