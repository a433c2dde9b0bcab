// Package clients dials the services the cart depends on.
package clients

import (
	"context"
	"os"
	"time"

	"google.golang.org/grpc"
)

// Users dials the user service. USER_SERVICE_ADDR is set in the Deployment.
func Users() (*grpc.ClientConn, error) {
	return grpc.Dial(
		os.Getenv("USER_SERVICE_ADDR"),
		grpc.WithInsecure(),
	)
}

// Pricing dials the pricing service by its cluster DNS name and waits until the
// connection is up, so the cart fails fast at start-up when pricing is unreachable.
func Pricing(ctx context.Context) (*grpc.ClientConn, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return grpc.DialContext(ctx,
		"pricing-service.pricing.svc.cluster.local:9090",
		grpc.WithInsecure(),
		grpc.WithBlock(),
	)
}
