package config

import "github.com/zeromicro/go-zero/zrpc"

// Config is loaded from etc/order.yaml: its keys are the field names.
type Config struct {
	zrpc.RpcServerConf
	UserRpcConf    zrpc.RpcClientConf
	StockRpcConf   zrpc.RpcClientConf
	PaymentRpcConf zrpc.RpcClientConf
	AuditRpcConf   zrpc.RpcClientConf
}
