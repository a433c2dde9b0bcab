package backends

import "os"

// Targets names each backend's gRPC address: a package-level map another package indexes.
var Targets = map[string]string{
	"orders":  "orders:50051", // want "grpc-short-target"
	"billing": "billing.payments.svc.cluster.local.:50051",
}

// Replicas are walked in turn by the fan-out client.
var Replicas = []string{
	"ledger:7000", // want "grpc-short-target"
}

// Extra holds what the environment adds to the fan-out.
func Extra() []string {
	extra := []string{}
	extra = append(extra, os.Getenv("AUDIT_ADDR"))
	return append(extra, Replicas...)
}

// Ports are numbers: nothing to dial.
var Ports = []int{50051, 7000}
