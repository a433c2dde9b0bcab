package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"strconv"

	"example.com/shop/internal/config"
	"example.com/shop/pkg/peers"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var fraudPort = flag.Int("fraud-port", 0, "fraud-check port")

func main() {
	flag.Parse()
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	cfg := config.Load()
	// The ports come from flags and the environment; the hosts are fixed, and short.
	grpc.NewClient(net.JoinHostPort(peers.FraudHost, strconv.Itoa(*fraudPort)), creds)
	grpc.NewClient(fmt.Sprintf("%s:%s", "ledger", os.Getenv("LEDGER_PORT")), creds) // want "grpc-short-target"
	grpc.NewClient("audit:"+strconv.Itoa(*fraudPort), creds) // want "grpc-short-target"
	// The finding is where the short name is written, not at the scheme in front of it.
	grpc.NewClient("dns:///"+cfg.ShippingHost+":"+os.Getenv("SHIPPING_PORT"), creds)
}
