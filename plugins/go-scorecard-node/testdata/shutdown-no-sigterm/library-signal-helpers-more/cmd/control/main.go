package main

import (
	"log"
	"net/http"

	"example.com/other/signals"
)

// A package named signals that is none of the known libraries handles nothing known.
func main() {
	_ = signals.NewContext()
	log.Fatal(http.ListenAndServe(":8080", nil)) // want "shutdown-no-sigterm"
}
