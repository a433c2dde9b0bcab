package billing

import (
	"context"
	"errors"
	"time"

	"example.com/billing/internal/ctxutil"
)

func call(ctx context.Context) error { return ctx.Err() }

// The alias is context.CancelFunc: not called on the early return.
func charge(parent context.Context, amount int) error {
	ctx, cancel := ctxutil.WithBudget(parent, time.Second) // want "context-cancel-not-called: this return statement \(line 17\)"
	if amount <= 0 {
		return errors.New("no amount")
	}
	defer cancel()
	return call(ctx)
}

// A defined type over it is one too.
func refund(parent context.Context) error {
	ctx, stop := ctxutil.Stopper(parent) // want "context-cancel-not-called: the stop function is not used on all paths"
	return call(ctx)
}

// Deferred at once: no leak.
func settle(parent context.Context) error {
	ctx, cancel := ctxutil.WithBudget(parent, time.Second)
	defer cancel()
	return call(ctx)
}
