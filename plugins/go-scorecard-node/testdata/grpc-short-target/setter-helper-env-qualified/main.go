package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type frontendServer struct {
	inventoryAddr string
	inventoryConn *grpc.ClientConn

	pricingAddr string
	pricingConn *grpc.ClientConn
}

func main() {
	ctx := context.Background()
	svc := new(frontendServer)
	mustMapEnv(&svc.inventoryAddr, "INVENTORY_SERVICE_ADDR")
	mustMapEnv(&svc.pricingAddr, "PRICING_SERVICE_ADDR")

	mustConnGRPC(ctx, &svc.inventoryConn, svc.inventoryAddr)
	mustConnGRPC(ctx, &svc.pricingConn, svc.pricingAddr)
}

// mustMapEnv writes the variable's value through the pointer.
func mustMapEnv(target *string, envKey string) {
	v := os.Getenv(envKey)
	if v == "" {
		panic(fmt.Sprintf("environment variable %q not set", envKey))
	}
	*target = v
}

// mustConnGRPC dials addr; the target is a parameter, so its values are its callers' arguments.
func mustConnGRPC(ctx context.Context, conn **grpc.ClientConn, addr string) {
	var err error
	_, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	*conn, err = grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		panic(err)
	}
}
