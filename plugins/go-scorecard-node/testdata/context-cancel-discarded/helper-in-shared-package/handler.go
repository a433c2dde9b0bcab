package orders

import (
	"context"
	"time"

	"example.com/orders/ctxutil"
	"example.com/orders/retry"
)

// The shared helper hands on context.WithTimeout's cancel func, which is dropped.
func lookup(parent context.Context) error {
	ctx, _ := ctxutil.WithBudget(parent, 2*time.Second) // want "context-cancel-discarded: ctxutil.WithBudget should be called, not discarded"
	return query(ctx)
}

// Called and deferred: no leak.
func lookupDeferred(parent context.Context) error {
	ctx, cancel := ctxutil.WithBudget(parent, time.Second)
	defer cancel()
	return query(ctx)
}

// Another package's function of the same name returns no cancel func.
func lookupRetry(parent context.Context) error {
	ctx, _ := retry.WithBudget(parent, 3)
	detached, _ := ctxutil.Detach(ctx)
	return query(detached)
}

// A local function value of the same name hides the package's helpers.
func lookupLocal(parent context.Context) error {
	withBudget := func(ctx context.Context) (context.Context, int) { return ctx, 0 }
	ctx, _ := withBudget(parent)
	return query(ctx)
}

func query(ctx context.Context) error { return ctx.Err() }
