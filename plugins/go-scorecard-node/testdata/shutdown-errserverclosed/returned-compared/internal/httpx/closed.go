// Package httpx holds the service's HTTP helpers.
package httpx

import (
	"errors"
	"net/http"
)

// IsClosed tells the error a server returns after Shutdown.
func IsClosed(err error) bool { return errors.Is(err, http.ErrServerClosed) }
