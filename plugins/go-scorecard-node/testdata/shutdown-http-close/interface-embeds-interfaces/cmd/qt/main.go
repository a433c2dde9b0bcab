package main

import (
	"os"
	"os/signal"
	"syscall"

	"example.com/qt/pkg/qt"
	"example.com/qt/pkg/store"
)

func main() {
	i := qt.New()
	if err := i.Start(); err != nil {
		panic(err)
	}
	s := store.New()
	defer s.Stop()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM)
	<-sig
}
