package ctxutil

import (
	"context"
	"time"
)

// WithBudget derives a context bounded by the request's budget: its cancel func must be called.
func WithBudget(parent context.Context, budget time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(parent, budget)
}

// Detach returns a context that keeps parent's values but not its cancellation.
func Detach(parent context.Context) (context.Context, error) {
	return context.WithoutCancel(parent), nil
}
