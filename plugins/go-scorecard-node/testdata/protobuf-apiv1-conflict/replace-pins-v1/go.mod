module example.com/inventory

go 1.21

require (
	github.com/gogo/protobuf v1.3.2
	google.golang.org/grpc v1.58.3
	google.golang.org/protobuf v1.31.0
)

require github.com/golang/protobuf v1.5.3 // indirect

// gogo-generated code still registers with the v1 registry: this pins API v1 for the whole build
replace github.com/golang/protobuf => github.com/golang/protobuf v1.3.2 // want "protobuf-apiv1-conflict"
