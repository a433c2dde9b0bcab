package client

import (
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// The address format is a const: the target is still host and port put together.
const addressTemp = "%s:%s"

var schemeFormat = "dns:///%s:%s"

// New dials the pipeline API.
func New(host, port string) (*grpc.ClientConn, error) {
	return grpc.NewClient(fmt.Sprintf(addressTemp, host, port), grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// NewWithScheme dials through the dns resolver, which walks the search list all the same.
func NewWithScheme(host, port string) (*grpc.ClientConn, error) {
	format := schemeFormat
	return grpc.NewClient(fmt.Sprintf(format, host, port), grpc.WithTransportCredentials(insecure.NewCredentials()))
}
