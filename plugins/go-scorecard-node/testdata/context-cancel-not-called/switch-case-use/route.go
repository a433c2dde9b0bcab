package route

import (
	"context"
	"errors"
)

type registry struct{ n int }

func (r *registry) track(c context.CancelFunc) bool { r.n++; return c != nil }

func (r *registry) code(c context.CancelFunc) int { r.n++; return r.n }

// The first case's expression hands the cancel func on, and every later case (and the
// default) is tested after it: used on every path.
func (r *registry) route(parent context.Context, kind string) error {
	ctx, cancel := context.WithCancel(parent)
	switch {
	case r.track(cancel):
		return ctx.Err()
	case kind == "x":
		return errors.New("x")
	default:
		return nil
	}
}

// The same with a tag.
func (r *registry) tagged(parent context.Context, n int) error {
	ctx, cancel := context.WithCancel(parent)
	switch n {
	case r.code(cancel):
		return ctx.Err()
	case 2, 3:
		return errors.New("two or three")
	}
	return nil
}

// A case's body is reached once one of its expressions matches: the ones after it are not
// tested on that path.
func (r *registry) firstMatch(parent context.Context, kind string) error {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 46\)"
	switch {
	case kind == "y", r.track(cancel):
		return ctx.Err()
	default:
		return nil
	}
}

// A later case's expression is not tested on the way to an earlier case's body.
func (r *registry) later(parent context.Context, kind string) error {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 57\)"
	switch {
	case kind == "x":
		return errors.New("x")
	case r.track(cancel):
		return ctx.Err()
	}
	return nil
}

// A fallthrough enters the next body without testing its expressions.
func (r *registry) through(parent context.Context, kind string) error {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 71\)"
	switch {
	case kind == "x":
		fallthrough
	case r.track(cancel):
		return ctx.Err()
	}
	return nil
}
