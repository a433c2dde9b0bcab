package main

import (
	"flag"
	"log"

	"example.com/pipelines/client"
)

var (
	host = flag.String("host", "ml-pipeline", "API host") // want "grpc-short-target: ml-pipeline:8887"
	port = flag.String("port", "8887", "API port")
	viz  = flag.String("viz-host", "ml-pipeline-visualization", "visualization host") // want "grpc-short-target"
)

func main() {
	flag.Parse()
	if _, err := client.New(*host, *port); err != nil {
		log.Fatal(err)
	}
	if _, err := client.NewWithScheme(*viz, *port); err != nil {
		log.Fatal(err)
	}
}
