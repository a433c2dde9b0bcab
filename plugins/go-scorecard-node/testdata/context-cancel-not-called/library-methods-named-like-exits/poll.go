package poller

import (
	"context"
	"os/exec"
	"time"

	"example.com/poller/app"
)

type cursor struct{ n int }

// Skip moves the cursor on; it returns.
func (c *cursor) Skip(n int) { c.n += n }

type daemon struct{}

// Run loops forever.
func (d *daemon) Run() {
	for {
		time.Sleep(time.Second)
	}
}

// A ticker's Stop returns, whatever the tree's Stop does.
func poll(parent context.Context, once bool) error {
	ctx, cancel := context.WithTimeout(parent, time.Minute) // want "context-cancel-not-called"
	t := time.NewTicker(time.Second)
	if once {
		t.Stop()
		return nil
	}
	defer cancel()
	<-ctx.Done()
	return ctx.Err()
}

// So does a command's Run.
func run(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called"
	if err := exec.Command("true").Run(); err != nil {
		return err
	}
	exec.Command("true").Run()
	if ctx.Err() != nil {
		return nil
	}
	cancel()
	return nil
}

// And a cursor's Skip.
func page(parent context.Context, c *cursor, off int) error {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want "context-cancel-not-called"
	if off > 0 {
		c.Skip(off)
		return nil
	}
	defer cancel()
	return ctx.Err()
}

// The tree's App.Stop and daemon.Run never return: no path leaks.
func stop(parent context.Context, a *app.App, d *daemon, quit bool) error {
	ctx, cancel := context.WithCancel(parent)
	if quit {
		a.Stop()
	}
	if ctx.Err() != nil {
		d.Run()
	}
	cancel()
	return nil
}

// Stopper is what can stop; a call through it may return (go vet resolves only static calls).
type Stopper interface{ Stop() }

func viaInterface(parent context.Context, st Stopper, ok bool) {
	ctx, cancel := context.WithTimeout(parent, time.Second) // want "context-cancel-not-called"
	if !ok {
		st.Stop()
		return
	}
	_ = ctx
	cancel()
}
