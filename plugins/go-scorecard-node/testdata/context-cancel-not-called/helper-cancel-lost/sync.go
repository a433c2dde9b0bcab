package ledger

import (
	"context"
	"errors"

	"example.com/ledger/internal/deadline"
)

func watch(ctx context.Context) { <-ctx.Done() }

// The helper's cancel func is not called on the early return.
func sync(ctx context.Context, ok bool) error {
	stop := deadline.Stopper(ctx, watch) // want "context-cancel-not-called: the stop function is not used on all paths"
	if !ok {
		return errors.New("not ready")
	}
	stop()
	return nil
}

// Deferred at once: no leak.
func syncDeferred(ctx context.Context) error {
	stop := deadline.Stopper(ctx, watch)
	defer stop()
	return nil
}
