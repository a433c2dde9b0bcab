package ctxutil

import "context"

// WithTag derives a cancellable context tagged with a value of any type.
func WithTag[T any](parent context.Context, tag T) (context.Context, context.CancelFunc) {
	return context.WithCancel(parent)
}

// WithPair is WithTag with two type parameters.
func WithPair[K comparable, V any](parent context.Context, k K, v V) (context.Context, context.CancelFunc) {
	return context.WithCancel(parent)
}
