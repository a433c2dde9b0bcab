package call

import (
	"context"
	"time"
)

// Each assignment is judged: the first one's cancel func is lost on the early return
// (go vet judges only the last assignment in source order, deferred below).
func call(parent context.Context, fast bool) error {
	var ctx context.Context
	var cancel context.CancelFunc
	if fast {
		ctx, cancel = context.WithTimeout(parent, time.Millisecond) // want "context-cancel-not-called: this return statement \(line 16\)"
		if err := ctx.Err(); err != nil {
			return err
		}
	} else {
		ctx, cancel = context.WithCancel(parent)
	}
	defer cancel()
	return ctx.Err()
}

// Cancelled on the early return too: no finding.
func callCancelled(parent context.Context, fast bool) error {
	var ctx context.Context
	var cancel context.CancelFunc
	if fast {
		ctx, cancel = context.WithTimeout(parent, time.Millisecond)
		if err := ctx.Err(); err != nil {
			cancel()
			return err
		}
	} else {
		ctx, cancel = context.WithCancel(parent)
	}
	defer cancel()
	return ctx.Err()
}
