package main

import (
	"fmt"
	"os"
	"strconv"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	port, _ := strconv.Atoi(os.Getenv("PORT"))
	ns := os.Getenv("POD_NAMESPACE")
	// Fully qualified with a trailing dot, whatever the port.
	grpc.NewClient("ledger.payments.svc.cluster.local.:"+strconv.Itoa(port), creds)
	// The namespace is not known here: the name cannot be judged.
	grpc.NewClient(fmt.Sprintf("shipping.%s.svc.cluster.local:%d", ns, port), creds)
	// The host is not known: nothing to judge.
	grpc.NewClient(os.Getenv("AUDIT_HOST")+":7000", creds)
}
