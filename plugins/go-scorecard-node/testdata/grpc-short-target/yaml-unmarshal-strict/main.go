package main

import (
	"log"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"gopkg.in/yaml.v2"
)

type WorkerConfig struct {
	SchedulerAddr string `yaml:"scheduler_addr"`
}

type Config struct {
	Worker WorkerConfig `yaml:"worker"`
}

// yaml.v2's UnmarshalStrict loads the file as Unmarshal does (and refuses unknown keys).
func main() {
	buf, err := os.ReadFile(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	cfg := &Config{}
	if err := yaml.UnmarshalStrict(buf, cfg); err != nil {
		log.Fatal(err)
	}
	conn, err := grpc.NewClient(cfg.Worker.SchedulerAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
}
