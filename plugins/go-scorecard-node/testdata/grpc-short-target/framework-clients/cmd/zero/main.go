package main

import "github.com/zeromicro/go-zero/zrpc"

const stockTarget = "stock.mall:8080" // want "grpc-short-target"

// go-zero's direct resolver hands each endpoint to the dialer; its k8s resolver asks the API.
func main() {
	user := zrpc.MustNewClient(zrpc.RpcClientConf{
		Endpoints: []string{"user-rpc:8080"}, // want "grpc-short-target: of zrpc.MustNewClient"
	})
	_ = user
	stock := zrpc.MustNewClient(zrpc.RpcClientConf{Target: stockTarget})
	_ = stock
	pay, _ := zrpc.NewClientWithTarget("pay-rpc:8080") // want "grpc-short-target"
	_ = pay
	order := zrpc.MustNewClient(zrpc.RpcClientConf{Target: "k8s://mall/order-rpc:8080"})
	_ = order
}
