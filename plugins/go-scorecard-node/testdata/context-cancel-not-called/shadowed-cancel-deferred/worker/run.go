package worker

import (
	"context"
	"time"
)

func step(ctx context.Context) error { return ctx.Err() }

// Both the outer and the inner cancel are deferred, and no return sits inside the block:
// every path uses each (go vet is silent).
func run(ctx context.Context, limit time.Duration) error {
	ctx, cancel := context.WithCancel(ctx)
	if limit > 0 {
		ctx, cancel := context.WithTimeout(ctx, limit)
		defer cancel()
		_ = step(ctx)
	}
	defer cancel()
	return step(ctx)
}

// A switch case declares its own cancel; the outer one is called after the switch.
func pick(ctx context.Context, mode int) error {
	ctx, cancel := context.WithCancel(ctx)
	switch mode {
	case 1:
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		_ = step(ctx)
	}
	cancel()
	return nil
}
