module example.com/orders

go 1.22

require google.golang.org/grpc v1.64.0

require (
	github.com/golang/protobuf v1.5.4 // indirect
	google.golang.org/protobuf v1.33.0 // indirect
)
