module example.com/orders

go 1.22

require (
	github.com/golang/protobuf v1.3.5 // want "protobuf-apiv1-conflict"
	google.golang.org/grpc v1.64.0
)

require google.golang.org/protobuf v1.33.0 // indirect
