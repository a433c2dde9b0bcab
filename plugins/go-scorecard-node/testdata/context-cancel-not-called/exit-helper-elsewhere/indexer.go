package indexer

import (
	"context"
	"os"

	"example.com/indexer/internal/cli"
)

type Node struct{ name string }

func (n *Node) exit(code int) { os.Exit(code) }

// A helper of another file that never returns ends the path: no return is reached.
func Flush(parent context.Context, ok bool) error {
	ctx, cancel := context.WithCancel(parent)
	if ok {
		cancel()
		return ctx.Err()
	}
	die("flush")
	return nil
}

// So does a function of another package that never returns, and one that ends calling it.
func Archive(parent context.Context, ok bool) error {
	ctx, cancel := context.WithCancel(parent)
	if ok {
		cancel()
		return ctx.Err()
	}
	cli.Exit(1, "archive")
	return nil
}

func Compact(parent context.Context, ok bool) error {
	ctx, cancel := context.WithCancel(parent)
	if ok {
		cancel()
		return ctx.Err()
	}
	fail("compact")
	return nil
}

// A method that never returns.
func (n *Node) Start(parent context.Context, ok bool) error {
	ctx, cancel := context.WithCancel(parent)
	if ok {
		cancel()
		return ctx.Err()
	}
	n.exit(4)
	return nil
}

// Endless loops never return either.
func Serve(parent context.Context, ok bool) error {
	ctx, cancel := context.WithCancel(parent)
	if ok {
		cancel()
		return ctx.Err()
	}
	serveForever()
	return nil
}

func Wait(parent context.Context, ok bool) error {
	ctx, cancel := context.WithCancel(parent)
	if ok {
		cancel()
		return ctx.Err()
	}
	blockForever()
	return nil
}

// cli.Check returns when the error is nil: the path goes on to the return.
func Verify(parent context.Context, err error) error {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 86\)"
	if err == nil {
		cancel()
		return ctx.Err()
	}
	cli.Check(err)
	return nil
}
