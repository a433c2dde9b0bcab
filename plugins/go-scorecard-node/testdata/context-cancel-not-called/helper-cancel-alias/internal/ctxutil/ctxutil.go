package ctxutil

import (
	"context"
	"time"
)

// CancelFunc is context's, under this package's name.
type CancelFunc = context.CancelFunc

// StopFunc is a type of its own over context's.
type StopFunc context.CancelFunc

// CancelFuncs is no cancel func: a list of them.
type CancelFuncs []context.CancelFunc

// WithBudget bounds a context to the caller's budget.
func WithBudget(parent context.Context, d time.Duration) (context.Context, CancelFunc) {
	return context.WithTimeout(parent, d)
}

// Stopper starts a bounded context and hands back its stop func.
func Stopper(parent context.Context) (context.Context, StopFunc) {
	ctx, cancel := context.WithCancel(parent)
	return ctx, StopFunc(cancel)
}
