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

// The early return is the failure's: Start gave no cancel func to call.
func syncChecked(ctx context.Context) error {
	ctx, cancel, err := deadline.Start(ctx)
	if err != nil {
		return err
	}
	defer cancel()
	watch(ctx)
	return nil
}

// Never used on any path: lost, failure or not.
func syncForgotten(ctx context.Context) error {
	ctx, cancel, err := deadline.Start(ctx) // want "context-cancel-not-called: the cancel function is never used"
	if err != nil {
		return err
	}
	watch(ctx)
	return nil
}

// Past the failure check the cancel func is real: the empty-query return leaks it.
func search(ctx context.Context, query string) error {
	ctx, cancel, err := deadline.Start(ctx) // want "context-cancel-not-called: this return statement \(line 57\)"
	if err != nil {
		return err
	}
	if query == "" {
		return nil
	}
	defer cancel()
	watch(ctx)
	return nil
}

// The same with a bool: `if !ok` is the failure.
func searchOK(ctx context.Context, query string) error {
	ctx, cancel, ok := deadline.TryStart(ctx)
	if !ok {
		return nil
	}
	defer cancel()
	watch(ctx)
	return nil
}
