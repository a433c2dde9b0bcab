module example.com/catalog

go 1.22

require (
	github.com/golang/protobuf v1.5.4 // want "protobuf-legacy-module"
	google.golang.org/protobuf v1.33.0
)
