package api

import (
	"context"
	ctxpkg "context"
	"errors"
	"time"
)

// A lost cancel under the second name of the package is found too.
func handle(parent context.Context) error {
	ctx, cancel := ctxpkg.WithTimeout(parent, time.Second) // want "context-cancel-not-called"
	if ctx.Err() != nil {
		return errors.New("late")
	}
	cancel()
	return nil
}
