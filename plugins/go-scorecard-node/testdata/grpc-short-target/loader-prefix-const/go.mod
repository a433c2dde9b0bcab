module example.com/sales

go 1.22

require (
	github.com/ardanlabs/conf/v3 v3.1.7
	github.com/kelseyhightower/envconfig v1.4.0
	google.golang.org/grpc v1.64.0
)
