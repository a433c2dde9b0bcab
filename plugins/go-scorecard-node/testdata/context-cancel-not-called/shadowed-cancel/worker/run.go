package worker

import (
	"context"
	"time"
)

func step(ctx context.Context) error { return ctx.Err() }

// The inner := declares a second cancel; the deferred call below the block is the outer one.
func run(ctx context.Context, limit time.Duration) error {
	ctx, cancel := context.WithCancel(ctx) // want "context-cancel-not-called"
	if limit > 0 {
		ctx, cancel := context.WithTimeout(ctx, limit) // want "context-cancel-not-called"
		if err := step(ctx); err != nil {
			cancel()
			return err
		}
	}
	defer cancel()
	return step(ctx)
}

// A closure's cancel shadows the outer one; both are used on every path.
func closure(ctx context.Context) func() error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return func() error {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		return step(ctx)
	}
}
