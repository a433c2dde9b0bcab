// Go 1.26: new(expr) gives a pointer to a copy of the value; the target is the literal.
package main

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type Options struct {
	Target  *string
	Retries *int
	Timeout *time.Duration
}

func defaults() Options {
	return Options{
		Target:  new("orders:50051"), // want "grpc-short-target"
		Retries: new(int(3)),
		Timeout: new(5 * time.Second),
	}
}

func call(ctx context.Context, o Options) error {
	ctx, cancel := context.WithTimeout(ctx, *o.Timeout)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	conn, err := grpc.NewClient(*o.Target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	cancel()
	return nil
}

func main() {
	_ = call(context.Background(), defaults())
}
