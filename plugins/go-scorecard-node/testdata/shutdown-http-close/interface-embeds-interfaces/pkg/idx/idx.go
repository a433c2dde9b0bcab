package idx

// Reader reads an index.
type Reader interface {
	Get(k string) string
}
