package main

import (
	"flag"
	"log"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	// BindPFlags binds every flag of the set, each under its own name.
	pflag.String("queue-addr", "queue:7000", "queue service") // want "grpc-short-target"
	flag.Duration("poll", 0, "poll interval")
	pflag.CommandLine.AddGoFlagSet(flag.CommandLine)
	pflag.Parse()
	if err := viper.BindPFlags(pflag.CommandLine); err != nil {
		log.Fatal(err)
	}
	// BindEnv with the key alone reads the key upper-cased (no prefix or replacer in this file).
	if err := viper.BindEnv("notify_addr"); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	if _, err := grpc.NewClient(viper.GetString("queue-addr"), creds); err != nil {
		log.Fatal(err)
	}
	if _, err := grpc.NewClient(viper.GetString("notify_addr"), creds); err != nil {
		log.Fatal(err)
	}
}
