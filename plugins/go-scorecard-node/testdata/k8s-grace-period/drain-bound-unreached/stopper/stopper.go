package stopper

import (
	"time"

	"google.golang.org/grpc"
)

// GracefulStopWithTimeout waits up to 2 minutes for GracefulStop. No binary calls it.
func GracefulStopWithTimeout(s *grpc.Server) bool {
	done := make(chan struct{})
	go func() {
		s.GracefulStop()
		close(done)
	}()
	t := time.NewTimer(2 * time.Minute)
	defer t.Stop()
	select {
	case <-done:
		return true
	case <-t.C:
		s.Stop()
		return false
	}
}
