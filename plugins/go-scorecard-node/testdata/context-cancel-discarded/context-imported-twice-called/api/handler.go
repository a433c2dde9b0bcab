package api

import (
	"context"
	ctxpkg "context"
	"time"
)

func handle(parent context.Context) {
	ctx, cancel := ctxpkg.WithTimeout(parent, time.Second)
	defer cancel()
	_, stop := context.WithCancel(ctx)
	defer stop()
}
