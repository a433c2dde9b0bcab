package client

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// DefaultTarget is the ledger's address; tests point it at a fake.
var DefaultTarget = "ledger.billing.svc.cluster.local.:9000"

// Options configure a client.
type Options struct {
	Target string
}

// Dial connects to target.
func Dial(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// DialDefault connects to DefaultTarget.
func DialDefault() (*grpc.ClientConn, error) {
	return Dial(DefaultTarget)
}

// DialOptions connects to o.Target.
func DialOptions(o Options) (*grpc.ClientConn, error) {
	return Dial(o.Target)
}

// SetTarget writes v through target, as setter helpers do.
func SetTarget(target *string, v string) {
	*target = v
}
