// Command cart serves the Cart gRPC API. Carts live in Redis; prices and customer
// tiers come from the pricing and user services, stock levels from inventory.
package main

import (
	"context"
	"flag"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	cartv1 "github.com/acme-retail/protos/gen/go/cart/v1"
	inventoryv1 "github.com/acme-retail/protos/gen/go/inventory/v1"
	pricingv1 "github.com/acme-retail/protos/gen/go/pricing/v1"
	userv1 "github.com/acme-retail/protos/gen/go/user/v1"

	"github.com/acme-retail/cart-service/internal/cart"
	"github.com/acme-retail/cart-service/internal/clients"
)

var (
	listenAddr    = flag.String("listen", ":9090", "gRPC listen address")
	inventoryAddr = flag.String("inventory-addr", "inventory-service:9090", "inventory service address")
)

func main() {
	flag.Parse()
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	fatal := func(msg string, err error) {
		logger.Error(msg, "err", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	users, err := clients.Users()
	if err != nil {
		fatal("dial user service", err)
	}
	defer users.Close()
	pricing, err := clients.Pricing(ctx)
	if err != nil {
		fatal("dial pricing service", err)
	}
	defer pricing.Close()
	inventory, err := grpc.NewClient(*inventoryAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		fatal("dial inventory service", err)
	}
	defer inventory.Close()

	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()

	svc := cart.NewService(
		cart.NewRedisStore(rdb, 72*time.Hour),
		userv1.NewUserServiceClient(users),
		pricingv1.NewPricingServiceClient(pricing),
		inventoryv1.NewInventoryServiceClient(inventory),
	)
	srv := grpc.NewServer()
	cartv1.RegisterCartServiceServer(srv, svc)
	healthpb.RegisterHealthServer(srv, health.NewServer())

	lis, err := net.Listen("tcp", *listenAddr)
	if err != nil {
		fatal("listen", err)
	}
	go func() {
		if err := srv.Serve(lis); err != nil {
			logger.Error("grpc serve", "err", err)
			stop()
		}
	}()
	logger.Info("cart-service listening", "addr", *listenAddr)

	<-ctx.Done()
	logger.Info("shutting down")

	// Preview fans out to three services; give in-flight RPCs up to 25s to finish.
	drainCtx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	done := make(chan struct{})
	go func() {
		srv.GracefulStop()
		close(done)
	}()
	select {
	case <-done:
	case <-drainCtx.Done():
		srv.Stop()
	}
}
