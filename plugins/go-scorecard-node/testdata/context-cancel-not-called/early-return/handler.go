package api

import (
	"context"
	"errors"
	"time"
)

// An early return leaves before cancel is deferred.
func lookup(parent context.Context, id string) error {
	ctx, cancel := context.WithTimeout(parent, 2*time.Second) // want "context-cancel-not-called"
	if id == "" {
		return errors.New("no id")
	}
	defer cancel()
	return query(ctx)
}

// A loop iteration that continues overwrites the cancel of the previous one.
func lookupAll(parent context.Context, ids []string) {
	for _, id := range ids {
		ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called"
		if id == "" {
			continue
		}
		_ = query(ctx)
		cancel()
	}
}

func query(ctx context.Context) error { return ctx.Err() }
