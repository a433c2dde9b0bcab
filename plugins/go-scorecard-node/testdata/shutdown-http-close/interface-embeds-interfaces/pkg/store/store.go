package store

import (
	"io"

	"example.com/qt/pkg/idx"
)

// Store's method set holds its embedded interfaces' methods: Get and Close besides Stop.
type Store interface {
	idx.Reader
	io.Closer
	Stop()
}

type memStore struct{}

func (memStore) Get(k string) string { return k }
func (memStore) Close() error        { return nil }
func (memStore) Stop()               {}

// New returns the in-memory store.
func New() Store { return memStore{} }
