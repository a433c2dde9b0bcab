package api

import (
	"context"
	ctxpkg "context"
	"time"
)

// Both names of the context package are read.
func handle(parent context.Context) {
	ctx, _ := ctxpkg.WithTimeout(parent, time.Second) // want "context-cancel-discarded"
	_, _ = context.WithCancel(ctx)                     // want "context-cancel-discarded"
}
