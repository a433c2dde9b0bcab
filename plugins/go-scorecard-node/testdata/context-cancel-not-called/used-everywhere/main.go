package main

import (
	"context"
	"time"
)

type worker struct{ stop context.CancelFunc }

// Returned to the caller.
func withDeadline(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	return ctx, cancel
}

// Stored in a struct field.
func (w *worker) start(parent context.Context) context.Context {
	ctx, cancel := context.WithCancel(parent)
	w.stop = cancel
	return ctx
}

// Called in a goroutine.
func background(parent context.Context) {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		defer cancel()
		<-ctx.Done()
	}()
}

// main.main may return without cancelling: the process ends.
func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	if ctx.Err() != nil {
		return
	}
	background(ctx)
	cancel()
}
