module github.com/acme-retail/catalog-service

go 1.16

require (
	github.com/golang/protobuf v1.3.5
	github.com/lib/pq v1.10.9
	github.com/prometheus/client_golang v1.5.1
	google.golang.org/grpc v1.29.1
	google.golang.org/protobuf v1.26.0
)
