package main

import (
	"context"
	"log"
	"net/http"

	"knative.dev/pkg/injection/sharedmain"
)

// MainWithContext takes the caller's context: here one no signal cancels.
func main() {
	go func() {
		log.Fatal(http.ListenAndServe(":8080", nil)) // want "shutdown-no-sigterm"
	}()
	sharedmain.MainWithContext(context.Background(), "events")
}
