// Command checkout serves the Checkout gRPC API, plus health checks over HTTP.
package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"

	checkoutv1 "github.com/acme-retail/protos/gen/go/checkout/v1"
	inventoryv1 "github.com/acme-retail/protos/gen/go/inventory/v1"
	paymentv1 "github.com/acme-retail/protos/gen/go/payment/v1"

	"github.com/acme-retail/checkout-service/internal/checkout"
)

// inventoryTarget is an absolute name (trailing dot): no search-domain lookups.
const inventoryTarget = "inventory-service.fulfilment.svc.cluster.local.:9090"

var (
	grpcAddr = flag.String("grpc-addr", ":9090", "gRPC listen address")
	httpAddr = flag.String("http-addr", ":8081", "health check listen address")
)

func main() {
	flag.Parse()
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if err := run(ctx, logger); err != nil {
		logger.Error("checkout exited", "err", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, logger *slog.Logger) error {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	paymentConn, err := grpc.NewClient(envOr("PAYMENT_ADDR", "dns:///payment-service.payments.svc.cluster.local:9090"), creds)
	if err != nil {
		return err
	}
	defer paymentConn.Close()
	inventoryConn, err := grpc.NewClient(inventoryTarget, creds)
	if err != nil {
		return err
	}
	defer inventoryConn.Close()

	svc := checkout.NewService(
		paymentv1.NewPaymentServiceClient(paymentConn),
		inventoryv1.NewInventoryServiceClient(inventoryConn),
		logger,
	)
	grpcServer := grpc.NewServer()
	checkoutv1.RegisterCheckoutServiceServer(grpcServer, svc)
	healthServer := health.NewServer()
	healthpb.RegisterHealthServer(grpcServer, healthServer)

	lis, err := net.Listen("tcp", *grpcAddr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	httpServer := &http.Server{Addr: *httpAddr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	errCh := make(chan error, 2)
	go func() {
		if err := grpcServer.Serve(lis); err != nil {
			errCh <- err
		}
	}()
	go func() {
		if err := httpServer.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			errCh <- err
		}
	}()
	logger.Info("checkout listening", "grpc", *grpcAddr, "http", *httpAddr)

	select {
	case <-ctx.Done():
		logger.Info("shutdown signal received, draining")
	case err := <-errCh:
		return err
	}
	healthServer.Shutdown() // report NOT_SERVING while in-flight RPCs finish

	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil {
		logger.Warn("http shutdown", "err", err)
	}
	stopped := make(chan struct{})
	go func() {
		grpcServer.GracefulStop()
		close(stopped)
	}()
	select {
	case <-stopped:
	case <-shutdownCtx.Done():
		logger.Warn("drain timed out, closing remaining streams")
		grpcServer.Stop()
	}
	return nil
}

func envOr(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}
