package main

import (
	"context"
	"errors"
	"log"
	"net/http"

	"knative.dev/pkg/configmap"
	"knative.dev/pkg/controller"
	"knative.dev/pkg/injection/sharedmain"
)

// Knative's sharedmain.Main runs the controllers under signals.NewContext(): SIGTERM is handled.
func main() {
	events := &http.Server{Addr: ":8080"}
	go func() {
		if err := events.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	sharedmain.Main("events", func(ctx context.Context, _ configmap.Watcher) *controller.Impl {
		go func() {
			<-ctx.Done()
			_ = events.Shutdown(context.Background())
		}()
		return nil
	})
}
