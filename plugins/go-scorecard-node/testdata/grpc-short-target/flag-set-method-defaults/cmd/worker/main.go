package main

import (
	"flag"
	"log"
	"os"

	"github.com/spf13/cobra"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

var usersAddr *string

var rootCmd = &cobra.Command{Use: "worker", RunE: serve}

func init() {
	// cobra's pflag set: the default is the flag's value when it is not given.
	usersAddr = rootCmd.Flags().String("users-addr", "users:8081", "users service") // want "grpc-short-target"
}

func serve(cmd *cobra.Command, _ []string) error {
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	users, err := grpc.NewClient(*usersAddr, creds)
	if err != nil {
		return err
	}
	defer users.Close()
	return nil
}

func run(args []string) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	queueAddr := fs.String("queue-addr", "taskqueue:50051", "task queue gRPC address") // want "grpc-short-target"
	auditAddr := fs.StringP("audit-addr", "a", "audit.jobs.svc.cluster.local.:50052", "audit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	creds := grpc.WithTransportCredentials(insecure.NewCredentials())
	queue, err := grpc.NewClient(*queueAddr, creds)
	if err != nil {
		return err
	}
	defer queue.Close()
	audit, err := grpc.NewClient(*auditAddr, creds)
	if err != nil {
		return err
	}
	defer audit.Close()
	return nil
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		log.Fatal(err)
	}
	if err := rootCmd.Execute(); err != nil {
		log.Fatal(err)
	}
}
