// Package loggerx ends the process on errors, or only logs them.
package loggerx

import (
	"errors"
	"log"
	"net/http"
)

// ExitOnError ends the process when err is not nil.
func ExitOnError(err error, context string) {
	if err != nil {
		log.Fatalf("%s: %s", context, err)
	}
}

// Must ends the process on an error, after returning on nil.
func Must(err error, context string) {
	if err == nil {
		return
	}
	log.Fatalf("%s: %s", context, err)
}

// ExitOnServeError ends the process on anything but a graceful stop.
func ExitOnServeError(err error, context string) {
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatalf("%s: %s", context, err)
	}
}

// LogError only logs.
func LogError(err error) {
	if err != nil {
		log.Print(err)
	}
}
