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

// Explicit type arguments call the helper all the same: the early return leaks the cancel func.
func explicit(parent context.Context, bad bool) error {
	ctx, cancel := ctxutil.WithTag[string](parent, "x") // want "context-cancel-not-called: this return statement \(line 20\)"
	if bad {
		return nil
	}
	defer cancel()
	return step(ctx)
}

// Type arguments inferred: the same.
func inferred(parent context.Context, bad bool) error {
	ctx, cancel := ctxutil.WithTag(parent, 1) // want "context-cancel-not-called: this return statement \(line 30\)"
	if bad {
		return nil
	}
	defer cancel()
	return step(ctx)
}

// Two type arguments.
func pair(parent context.Context, bad bool) error {
	ctx, cancel := ctxutil.WithPair[string, int](parent, "k", 1) // want "context-cancel-not-called: this return statement \(line 40\)"
	if bad {
		return nil
	}
	defer cancel()
	return step(ctx)
}

// The package's own generic helper, unqualified.
func local(parent context.Context, bad bool) error {
	ctx, cancel := WithValue[string](parent, "v") // want "context-cancel-not-called: this return statement \(line 50\)"
	if bad {
		return nil
	}
	cancel()
	return step(ctx)
}

// Used on every path: no finding.
func used(parent context.Context, bad bool) error {
	ctx, cancel := ctxutil.WithTag[int](parent, 1)
	if bad {
		cancel()
		return nil
	}
	defer cancel()
	return step(ctx)
}

// An element of a map of functions is no instantiation.
func fromTable(parent context.Context, table map[string]func(context.Context) (context.Context, int)) error {
	ctx, n := table["WithTag"](parent)
	if n == 0 {
		return nil
	}
	return step(ctx)
}
