package pool

import (
	"context"
	"errors"
)

// A named result holds the cancel func: go vet scopes it outside the body and leaves it to the
// caller, whatever the returns give.
func acquire(parent context.Context, closed bool) (ctx context.Context, cancel context.CancelFunc, err error) {
	ctx, cancel = context.WithCancel(parent)
	if closed {
		return nil, nil, errors.New("closed")
	}
	return
}

// So does a parameter assigned the cancel func.
func rebind(ctx context.Context, cancel context.CancelFunc, closed bool) error {
	ctx, cancel = context.WithCancel(ctx)
	if closed {
		return errors.New("closed")
	}
	cancel()
	return ctx.Err()
}

// A local declared in the body is analyzed, `=` or `:=`.
func local(parent context.Context, closed bool) error {
	var cancel context.CancelFunc
	var ctx context.Context
	ctx, cancel = context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 34\)"
	if closed {
		return errors.New("closed")
	}
	cancel()
	return ctx.Err()
}

// A local of an inner block that shadows the named result is analyzed.
func shadow(parent context.Context, closed bool) (cancel context.CancelFunc) {
	if parent != nil {
		ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 45\)"
		if closed {
			return nil
		}
		cancel()
		_ = ctx
	}
	return nil
}
