package data

import (
	"context"

	"example.com/shop/internal/conf"
	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Data holds the clients of the other services.
type Data struct {
	user, stock, audit, payment, ledger, search *grpc.ClientConn
}

// NewData dials the services the config file names.
func NewData(c *conf.Data) (*Data, func(), error) {
	ctx := context.Background()
	user, err := kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint(c.User.Addr))
	if err != nil {
		return nil, nil, err
	}
	stock, err := grpc.NewClient(c.Stock.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, nil, err
	}
	audit, err := kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint(c.Audit.Addr))
	if err != nil {
		return nil, nil, err
	}
	payment, err := grpc.NewClient(c.Payment.GrpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, nil, err
	}
	ledger, err := kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint(c.Ledger.Addr))
	if err != nil {
		return nil, nil, err
	}
	// protoc-gen-go's getters return the fields.
	search, err := kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint(c.GetSearch().GetAddr()))
	if err != nil {
		return nil, nil, err
	}
	d := &Data{search: search, user: user, stock: stock, audit: audit, payment: payment, ledger: ledger}
	return d, func() {
		_ = user.Close()
		_ = stock.Close()
		_ = audit.Close()
		_ = payment.Close()
		_ = ledger.Close()
		_ = search.Close()
	}, nil
}
