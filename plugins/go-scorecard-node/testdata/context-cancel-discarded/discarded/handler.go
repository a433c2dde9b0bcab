package api

import (
	stdctx "context"
	"time"
)

// The cancel func of WithTimeout is dropped, under an aliased import.
func lookup(parent stdctx.Context) error {
	ctx, _ := stdctx.WithTimeout(parent, 2*time.Second) // want "context-cancel-discarded: context.WithTimeout should be called, not discarded"
	return query(ctx)
}

// The same with = and a var declaration.
func lookupTwice(parent stdctx.Context) error {
	var ctx stdctx.Context
	ctx, _ = stdctx.WithCancel(parent) // want "context-cancel-discarded"
	var deadline, _ = stdctx.WithDeadline(ctx, time.Now()) // want "context-cancel-discarded"
	return query(deadline)
}

func query(ctx stdctx.Context) error { return ctx.Err() }
