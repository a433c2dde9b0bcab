module example.com/inventory

go 1.21

require (
	github.com/golang/protobuf v1.5.3 // indirect
	google.golang.org/protobuf v1.33.0
)
