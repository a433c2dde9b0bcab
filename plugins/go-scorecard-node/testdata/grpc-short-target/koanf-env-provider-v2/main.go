package main

import (
	"log"
	"strings"

	"github.com/knadh/koanf/providers/env/v2"
	"github.com/knadh/koanf/v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	k := koanf.New(".")
	if err := k.Load(env.Provider(".", env.Opt{
		Prefix: "ORDERS_",
		TransformFunc: func(key, value string) (string, any) {
			return strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(key, "ORDERS_")), "_", "."), value
		},
	}), nil); err != nil {
		log.Fatal(err)
	}
	// Without a callback, a key is a variable's name as it is.
	raw := koanf.New("/")
	if err := raw.Load(env.Provider("/", env.Opt{}), nil); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	if _, err := grpc.NewClient(k.String("payments.addr"), creds); err != nil {
		log.Fatal(err)
	}
	if _, err := grpc.NewClient(raw.String("AUDIT_ADDR"), creds); err != nil {
		log.Fatal(err)
	}
}
