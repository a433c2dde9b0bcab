// Package runutil closes what it is given, logging the error.
package runutil

import (
	"io"
	"log"
)

// CloseWithLog closes c and logs a failure.
func CloseWithLog(c io.Closer, what string) {
	if err := c.Close(); err != nil {
		log.Printf("close %s: %v", what, err)
	}
}
