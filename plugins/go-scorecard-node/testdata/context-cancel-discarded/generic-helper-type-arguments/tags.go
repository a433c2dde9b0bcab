package tags

import (
	"context"

	"example.com/tags/ctxutil"
)

func step(ctx context.Context) error { return ctx.Err() }

// WithValue is a generic helper of this package that returns a cancel func.
func WithValue[T any](parent context.Context, v T) (context.Context, context.CancelFunc) {
	return context.WithCancel(parent)
}

// Explicit type arguments call the helper all the same: its cancel func is dropped.
func explicit(parent context.Context) error {
	ctx, _ := ctxutil.WithTag[int](parent, 1) // want "context-cancel-discarded: ctxutil.WithTag should be called"
	return step(ctx)
}

// The package's own generic helper, unqualified.
func local(parent context.Context) error {
	ctx, _ := WithValue[string](parent, "v") // want "context-cancel-discarded: WithValue should be called"
	return step(ctx)
}

// Two type arguments.
func pair(parent context.Context) error {
	ctx, _ := ctxutil.WithPair[string, int](parent, "k", 1) // want "context-cancel-discarded: ctxutil.WithPair should be called"
	return step(ctx)
}

// Kept and deferred: no finding.
func kept(parent context.Context) error {
	ctx, cancel := ctxutil.WithTag[int](parent, 1)
	defer cancel()
	return step(ctx)
}
