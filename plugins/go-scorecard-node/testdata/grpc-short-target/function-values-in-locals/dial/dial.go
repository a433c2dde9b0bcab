package dial

import (
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Open dials a target.
func Open(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
