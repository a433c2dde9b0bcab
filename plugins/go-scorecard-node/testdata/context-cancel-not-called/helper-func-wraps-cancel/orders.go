package orders

import (
	"context"
	"errors"
	"time"

	"example.com/orders/internal/rpc"
)

func send(ctx context.Context) error { return ctx.Err() }

// The wrapped cancel func is not called on the early return.
func place(o rpc.Options, ok bool) error {
	ctx, cancel := o.WithTimeout() // want "context-cancel-not-called: the cancel function is not used on all paths"
	if !ok {
		return errors.New("not ready")
	}
	defer cancel()
	return send(ctx)
}

// Deferred at once: no leak.
func placeDeferred(o rpc.Options) error {
	ctx, cancel := o.WithTimeout()
	defer cancel()
	return send(ctx)
}

// Never used: the relay goroutine and the context outlive the call.
func watch(parent context.Context) error {
	ctx, stop := rpc.Interruptible(parent) // want "context-cancel-not-called: the stop function is not used on all paths"
	return send(ctx)
}

// Discarded outright.
func watchDiscarded(parent context.Context) error {
	ctx, _ := rpc.Interruptible(parent) // want "context-cancel-discarded"
	return send(ctx)
}

// Past the failure check the cancel func is real: the early return leaks it.
func settle(parent context.Context, amount int) error {
	ctx, done, err := rpc.Bounded(parent, time.Second) // want "context-cancel-not-called: this return statement \(line 49\)"
	if err != nil {
		return err
	}
	if amount == 0 {
		return nil
	}
	defer done()
	return send(ctx)
}

// A span's end func and a cache's cleanup are no cancel funcs: dropping them leaks no context.
func trace(parent context.Context) error {
	ctx, end := rpc.StartSpan(parent, "trace")
	if ctx == nil {
		return nil
	}
	end()
	ctx, _ = rpc.WithCache(ctx)
	return send(ctx)
}
