module example.com/billing

go 1.22

require (
	github.com/caarlos0/env/v11 v11.2.2
	github.com/kelseyhightower/envconfig v1.4.0
	google.golang.org/grpc v1.64.0
)
