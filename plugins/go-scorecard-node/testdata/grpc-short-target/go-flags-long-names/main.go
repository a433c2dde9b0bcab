package main

import (
	"log"

	"github.com/jessevdk/go-flags"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type options struct {
	UsersAddr string `long:"users-addr" env:"USERS_ADDR" default:"users.shop.svc.cluster.local.:9090" description:"users service"`
}

func main() {
	var opts options
	if _, err := flags.Parse(&opts); err != nil {
		log.Fatal(err)
	}
	if _, err := grpc.NewClient(opts.UsersAddr, grpc.WithTransportCredentials(insecure.NewCredentials())); err != nil {
		log.Fatal(err)
	}
}
