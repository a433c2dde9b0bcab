package hooks

import "context"

// A parameter name in a func type declares nothing: no use of the cancel variable.
func withVar(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 11\)"
	if ctx.Err() != nil {
		var onStop func(cancel context.CancelFunc)
		_ = onStop
		return nil
	}
	cancel()
	return nil
}

// The same in a composite literal's type.
func withMap(parent context.Context) map[string]func(cancel context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 21\)"
	if ctx.Err() != nil {
		return map[string]func(cancel context.CancelFunc){}
	}
	cancel()
	return nil
}

// And in an interface's method.
func withInterface(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 33\)"
	if ctx.Err() != nil {
		var s interface{ Stop(cancel context.CancelFunc) }
		_ = s
		return nil
	}
	cancel()
	return nil
}

// A function literal's parameter is a variable of its own.
func withLiteral(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 45\)"
	if ctx.Err() != nil {
		run := func(cancel context.CancelFunc) { cancel() }
		_ = run
		return nil
	}
	cancel()
	return nil
}

// Handed to the hook: used on every path.
func handed(parent context.Context) error {
	ctx, cancel := context.WithCancel(parent)
	if ctx.Err() != nil {
		var onStop func(cancel context.CancelFunc)
		onStop(cancel)
		return nil
	}
	cancel()
	return nil
}
