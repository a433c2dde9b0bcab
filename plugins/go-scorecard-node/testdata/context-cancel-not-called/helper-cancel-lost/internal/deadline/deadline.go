package deadline

import (
	"context"
	"time"
)

// Stopper returns only the cancel func of a context it starts and hands to work.
func Stopper(parent context.Context, work func(context.Context)) context.CancelFunc {
	ctx, cancel := context.WithTimeout(parent, time.Minute)
	go work(ctx)
	return cancel
}
