package worker

import (
	"testing"

	"example.com/worker/internal/testutil"
)

// The module's tests verify through a helper package, not a _test.go file of their own.
func TestMain(m *testing.M) {
	testutil.VerifyTestMain(m)
}

func TestStart(t *testing.T) {
	done := make(chan struct{})
	Start(func() { close(done) })
	<-done
}
