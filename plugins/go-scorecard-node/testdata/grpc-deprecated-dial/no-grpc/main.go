package main

// A service without gRPC: nothing to check.
func main() {}
