package main

import "net/http"

// No gRPC server: nothing to check.
func main() {
	_ = http.ListenAndServe(":8080", nil)
}
