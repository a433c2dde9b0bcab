package jobs

import (
	"context"
	"log"
	"os"
)

func step(ctx context.Context) error { return ctx.Err() }

// die never returns.
func die(err error) {
	log.Print(err)
	os.Exit(1)
}

// A local closure of the same name hides die: it returns, and so does the path.
func soft(parent context.Context) error {
	die := func(err error) { log.Print(err) }
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 23\)"
	if err := step(ctx); err != nil {
		die(err)
		return err
	}
	cancel()
	return nil
}

// The package's die: the path ends there.
func hard(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	if err := step(ctx); err != nil {
		die(err)
		return err
	}
	cancel()
	return nil
}

// A closure declared in a block that has ended hides nothing at the call.
func scoped(parent context.Context, verbose bool) error {
	if verbose {
		die := func(err error) { log.Print(err) }
		die(nil)
	}
	ctx, cancel := context.WithCancel(parent)
	if err := step(ctx); err != nil {
		die(err)
		return err
	}
	cancel()
	return nil
}

// A parameter hides it too.
func handed(parent context.Context, die func(error)) error {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 60\)"
	if err := step(ctx); err != nil {
		die(err)
		return err
	}
	cancel()
	return nil
}
