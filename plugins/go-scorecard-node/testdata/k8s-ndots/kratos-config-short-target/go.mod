module example.com/shop

go 1.22

require (
	github.com/go-kratos/kratos/v2 v2.8.0
	google.golang.org/grpc v1.64.0
	google.golang.org/protobuf v1.34.1
)
