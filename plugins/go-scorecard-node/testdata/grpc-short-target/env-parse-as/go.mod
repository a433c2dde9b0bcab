module example.com/shop

go 1.22

require (
	github.com/caarlos0/env/v11 v11.2.2
	google.golang.org/grpc v1.64.0
)
