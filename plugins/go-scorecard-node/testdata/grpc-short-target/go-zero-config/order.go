package main

import (
	"flag"

	"example.com/order/internal/config"
	"example.com/order/internal/svc"
	"github.com/zeromicro/go-zero/core/conf"
)

var configFile = flag.String("f", "etc/order.yaml", "the config file")

func main() {
	flag.Parse()
	var c config.Config
	conf.MustLoad(*configFile, &c)
	_ = svc.NewServiceContext(c)
}
