package inventory

import (
	"context"
	"time"
)

// Client bounds each request by its timeout.
type Client struct{ timeout time.Duration }

func (c *Client) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, c.timeout)
}

// Cache has a method of the same name that returns no cancel func.
type Cache struct{}

func (Cache) withTimeout(ctx context.Context) (context.Context, int) { return ctx, 0 }

// The method's cancel func is dropped.
func (c *Client) Get(ctx context.Context, id string) error {
	ctx, _ = c.withTimeout(ctx) // want "context-cancel-discarded: c.withTimeout should be called, not discarded"
	return fetch(ctx, id)
}

// Called: no leak.
func (c *Client) List(ctx context.Context) error {
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	return fetch(ctx, "")
}

// Another type's method of the same name.
func warm(cache Cache, ctx context.Context) error {
	ctx, _ = cache.withTimeout(ctx)
	return fetch(ctx, "")
}

func fetch(ctx context.Context, id string) error { return ctx.Err() }
