package rpc

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Options bound each call when Timeout is set.
type Options struct {
	Context context.Context
	Timeout time.Duration
}

// WithTimeout hands back the cancel func of the context it derives, or a no-op.
func (o Options) WithTimeout() (context.Context, func()) {
	if o.Timeout != 0 {
		return context.WithTimeout(o.Context, o.Timeout)
	}
	return o.Context, func() {}
}

// Interruptible wraps its cancel func in one that also stops the signal relay.
func Interruptible(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	go func() {
		select {
		case <-sig:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(sig)
		cancel()
	}
}

// Bounded names its results; the bare return hands back the cancel func.
func Bounded(parent context.Context, d time.Duration) (ctx context.Context, done func(), err error) {
	if err = parent.Err(); err != nil {
		return nil, nil, err
	}
	ctx, done = context.WithTimeout(parent, d)
	return
}

// StartSpan derives no context that needs cancelling: its func() ends a span.
func StartSpan(ctx context.Context, name string) (context.Context, func()) {
	start := time.Now()
	return ctx, func() { _ = time.Since(start) }
}

// WithCache hands back a cleanup that is no cancel func.
func WithCache(ctx context.Context) (context.Context, func()) {
	c := &cache{}
	return context.WithValue(ctx, cacheKey{}, c), c.close
}

type cacheKey struct{}

type cache struct{}

func (c *cache) close() {}
