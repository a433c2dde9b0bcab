package data

import (
	"context"

	"example.com/shop/internal/conf"
	"github.com/go-kratos/kratos/v2/transport/grpc"
	ggrpc "google.golang.org/grpc"
)

// NewData dials the user service the config file names.
func NewData(c *conf.Data) (*ggrpc.ClientConn, error) {
	return grpc.DialInsecure(context.Background(), grpc.WithEndpoint(c.User.Addr))
}
