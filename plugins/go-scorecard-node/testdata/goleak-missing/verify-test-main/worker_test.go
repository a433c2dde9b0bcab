package worker

import (
	"testing"

	"go.uber.org/goleak"
)

// goleak.VerifyTestMain checks every test of the package for leaked goroutines.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestStart(t *testing.T) {
	done := make(chan struct{})
	Start(func() { close(done) })
	<-done
}
