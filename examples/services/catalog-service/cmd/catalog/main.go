package main

import (
	"database/sql"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	_ "github.com/lib/pq"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/reflection"

	"github.com/acme-retail/catalog-service/internal/catalog"
	pb "github.com/acme-retail/catalog-service/internal/pb"
)

var (
	port        = flag.Int("port", 50051, "gRPC port")
	metricsAddr = flag.String("metrics-addr", ":9102", "Prometheus metrics listen address")
)

func main() {
	flag.Parse()

	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatalf("open database: %v", err)
	}
	defer db.Close()

	lis, err := net.Listen("tcp", fmt.Sprintf(":%d", *port))
	if err != nil {
		log.Fatalf("failed to listen: %v", err)
	}
	s := grpc.NewServer()
	pb.RegisterCatalogServiceServer(s, catalog.NewServer(catalog.NewStore(db), catalog.LogPublisher{}))
	reflection.Register(s)

	go func() {
		http.Handle("/metrics", promhttp.Handler())
		log.Fatal(http.ListenAndServe(*metricsAddr, nil))
	}()

	go func() {
		quit := make(chan os.Signal, 1)
		signal.Notify(quit, syscall.SIGINT, syscall.SIGTERM)
		<-quit
		log.Println("shutting down gRPC server...")
		s.GracefulStop()
	}()

	log.Printf("catalog-service listening on %v", lis.Addr())
	if err := s.Serve(lis); err != nil {
		log.Fatalf("failed to serve: %v", err)
	}
}
