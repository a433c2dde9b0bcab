package drain

import (
	"context"
	"log"
	"net/http"
	"time"
)

// Server drains srv for up to 40 s.
func Server(srv *http.Server) {
	ctx, cancel := context.WithTimeout(
		context.Background(),
		// The bound.
		40*time.Second,
	)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		log.Print(err)
	}
}
