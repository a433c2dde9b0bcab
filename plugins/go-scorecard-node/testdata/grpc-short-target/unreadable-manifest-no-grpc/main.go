package main

import "net/http"

func main() {
	_, _ = http.Get("http://user-service:8080/")
}
