package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"
)

// fatalf reports and exits: it never returns to its caller (go vet's ctrlflow knows it).
func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "ingest: "+format+"\n", args...)
	os.Exit(1)
}

// die never returns either: every path ends in fatalf.
func die(err error) {
	if err != nil {
		fatalf("%v", err)
	}
	fatalf("unknown error")
}

// warnf reports and returns.
func warnf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "ingest: warning: "+format+"\n", args...)
}

func connect(parent context.Context, transport, addr string) net.Conn {
	ctx, cancel := context.WithTimeout(parent, 10*time.Second)
	switch transport {
	case "tcp", "unix":
		var d net.Dialer
		conn, err := d.DialContext(ctx, transport, addr)
		cancel()
		if err != nil {
			die(err)
		}
		return conn
	}
	fatalf("unknown transport %q", transport)
	// Unreachable: fatalf never returns, so no path leaves without cancel.
	return nil
}

func connectOrWarn(parent context.Context, transport, addr string) net.Conn {
	ctx, cancel := context.WithTimeout(parent, 10*time.Second) // want "context-cancel-not-called"
	if transport != "tcp" {
		warnf("unknown transport %q", transport)
		return nil
	}
	var d net.Dialer
	conn, _ := d.DialContext(ctx, transport, addr)
	cancel()
	return conn
}

func main() {
	_ = connect(context.Background(), "tcp", "localhost:1")
	_ = connectOrWarn(context.Background(), "tcp", "localhost:1")
}
