// Package closer closes resources, logging failures.
package closer

import (
	"io"
	"log"
)

// All closes every closer it is given, in order.
func All(cs ...io.Closer) {
	for _, c := range cs {
		if err := c.Close(); err != nil {
			log.Print(err)
		}
	}
}

// Each closes the closers of a slice.
func Each(cs []io.Closer) {
	for i := range cs {
		_ = cs[i].Close()
	}
}
