// Package lifecycle holds the shutdown sequence every binary shares.
package lifecycle

import (
	"context"
	"log"
	"net/http"
	"os"
	"os/signal"
		"time"

	"google.golang.org/grpc"
)

// Wait blocks until os.Interrupt arrives, then drains both servers.
func Wait(rpc *grpc.Server, web *http.Server) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	<-sigs
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rpc.GracefulStop()
	if err := web.Shutdown(ctx); err != nil {
		log.Print(err)
	}
}
