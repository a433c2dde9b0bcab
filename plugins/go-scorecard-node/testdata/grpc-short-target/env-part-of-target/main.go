package main

import (
	"fmt"
	"log"
	"os"

	"github.com/spf13/viper"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

func main() {
	viper.SetConfigFile("configs/broker.yaml")
	if err := viper.ReadInConfig(); err != nil {
		log.Fatal(err)
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	targets := []string{
		// The variable fills one label of a fully qualified name: "prod" is no target of its own.
		fmt.Sprintf("metadata-svc.%s.svc.cluster.local.:50400", os.Getenv("POD_NS")),
		// Here the name it makes has one dot.
		"users." + os.Getenv("USERS_NS") + ":9090",
		// The pod's namespace is one label: four dots, fewer than ndots 5.
		fmt.Sprintf("%s.%s.svc.cluster.local:%d", "billing", os.Getenv("POD_NAMESPACE"), 7000),
		// Two variables of one container make one target: one finding, at the first.
		os.Getenv("LEDGER_SVC") + "." + os.Getenv("LEDGER_NS") + ".svc.cluster.local:80",
		// A config key's value in the name it makes.
		fmt.Sprintf("%s.%s.svc.cluster.local.:%s", viper.GetString("mds.service"), viper.GetString("mds.namespace"), viper.GetString("mds.port")),
		fmt.Sprintf("%s:%s", viper.GetString("audit.host"), viper.GetString("audit.port")),
	}
	for _, t := range targets {
		if _, err := grpc.NewClient(t, creds); err != nil {
			log.Fatal(err)
		}
	}
}
