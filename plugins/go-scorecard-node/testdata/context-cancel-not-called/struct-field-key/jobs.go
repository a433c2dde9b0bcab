package jobs

import (
	"context"
	"errors"
)

type job struct {
	name   string
	cancel context.CancelFunc
}

type spec struct {
	job  job
	opts struct{ stop func() }
}

// `cancel:` names the field: the failure's return hands back a nil cancel func.
func newJob(parent context.Context, name string) (*job, error) {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 22\)"
	if name == "" {
		return &job{cancel: nil}, errors.New("empty name")
	}
	_ = ctx
	return &job{name: name, cancel: cancel}, nil
}

// Nested literals: the key is a field name there too.
func newSpec(parent context.Context, name string) (*spec, error) {
	ctx, cancel := context.WithCancel(parent) // want "context-cancel-not-called: this return statement \(line 32\)"
	if name == "" {
		return &spec{job: job{name: name, cancel: nil}}, errors.New("empty name")
	}
	_ = ctx
	return &spec{job: job{cancel: cancel}}, nil
}

// Stored on every path: no leak.
func newJobStored(parent context.Context, name string) *job {
	_, cancel := context.WithCancel(parent)
	if name == "" {
		return &job{cancel: cancel}
	}
	return &job{name: name, cancel: cancel}
}
