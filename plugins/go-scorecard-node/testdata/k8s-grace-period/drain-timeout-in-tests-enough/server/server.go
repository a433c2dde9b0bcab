package server

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// Serve runs srv until ctx ends, then drains it for at most drain.
func Serve(ctx context.Context, srv *http.Server, drain time.Duration) error {
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), drain)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil {
			srv.Close()
		}
	}()
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
