//go:build gofuzz

package proxy

// Fuzz is built by go-fuzz-build only: its fake upstream never reaches the service.
func Fuzz(data []byte) int {
	p := &Proxy{addr: "fake"}
	_ = p
	return 0
}
