package worker

import "testing"

// A test, but no goleak verification.
func TestStart(t *testing.T) {
	done := make(chan struct{})
	Start(func() { close(done) })
	<-done
}
