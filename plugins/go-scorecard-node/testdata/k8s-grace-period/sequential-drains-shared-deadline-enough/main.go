package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func serve(s *http.Server) {
	go func() {
		if err := s.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
}

// Each server is drained under a timeout derived from the caller's context: the 24 s deadline
// ends both.
func stopBoth(ctx context.Context, a, b *http.Server) {
	c1, cancel1 := context.WithTimeout(ctx, 15*time.Second)
	defer cancel1()
	_ = a.Shutdown(c1)
	c2, cancel2 := context.WithTimeout(ctx, 15*time.Second)
	defer cancel2()
	_ = b.Shutdown(c2)
}

func main() {
	public := &http.Server{Addr: ":8080"}
	admin := &http.Server{Addr: ":9090"}
	debug := &http.Server{Addr: ":6060"}
	serve(public)
	serve(admin)
	serve(debug)
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
	// One deadline shared by two drains one after another: 25 s in all.
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	_ = public.Shutdown(ctx)
	_ = admin.Shutdown(ctx)
	// A drain in a goroutine runs beside the others.
	dctx, dcancel := context.WithTimeout(context.Background(), 22*time.Second)
	defer dcancel()
	go func() { _ = debug.Shutdown(dctx) }()
	// A timeout derived from the shared context ends with it.
	sub, subCancel := context.WithTimeout(ctx, 20*time.Second)
	defer subCancel()
	_ = debug.Shutdown(sub)
	bg, bgCancel := context.WithTimeout(context.Background(), 24*time.Second)
	defer bgCancel()
	stopBoth(bg, public, admin)
}
