package hand

import "context"

// The cancel func is handed on only when the send is chosen: the other case leaks it
// (stricter than go vet, which counts the send's value on every case's path).
func hand(parent context.Context, cancels chan<- context.CancelFunc) error {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 13\)"
	select {
	case cancels <- cancel:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Called on the other case: used on every path.
func handOrCancel(parent context.Context, cancels chan<- context.CancelFunc) error {
	ctx, cancel := context.WithCancel(parent)
	select {
	case cancels <- cancel:
		return nil
	case <-ctx.Done():
		cancel()
		return ctx.Err()
	}
}
