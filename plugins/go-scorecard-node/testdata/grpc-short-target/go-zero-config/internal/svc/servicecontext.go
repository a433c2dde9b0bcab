package svc

import (
	"example.com/order/internal/config"
	"github.com/zeromicro/go-zero/zrpc"
)

// ServiceContext holds the clients of the other services.
type ServiceContext struct {
	Config  config.Config
	User    zrpc.Client
	Stock   zrpc.Client
	Payment zrpc.Client
	Audit   zrpc.Client
}

func NewServiceContext(c config.Config) *ServiceContext {
	return &ServiceContext{
		Config:  c,
		User:    zrpc.MustNewClient(c.UserRpcConf),
		Stock:   zrpc.MustNewClient(c.StockRpcConf),
		Payment: zrpc.MustNewClient(c.PaymentRpcConf),
		Audit:   zrpc.MustNewClient(c.AuditRpcConf),
	}
}
