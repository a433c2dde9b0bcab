package api

import (
	"context"
	"time"
)

// The idiomatic form: cancel is deferred.
func lookup(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, 2*time.Second)
	defer cancel()
	return query(ctx)
}

func query(ctx context.Context) error { return ctx.Err() }
