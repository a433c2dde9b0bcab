package deadline

import (
	"context"
	"time"
)

// Stopper returns only the cancel func of a context it starts and hands to work.
func Stopper(parent context.Context, work func(context.Context)) context.CancelFunc {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	go work(ctx)
	return cancel
}

// Start derives a bounded context, or fails without one (and without a cancel func).
func Start(parent context.Context) (context.Context, context.CancelFunc, error) {
	if err := parent.Err(); err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	return ctx, cancel, nil
}

// TryStart is Start reporting with a bool.
func TryStart(parent context.Context) (context.Context, context.CancelFunc, bool) {
	if parent.Err() != nil {
		return nil, nil, false
	}
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	return ctx, cancel, true
}
