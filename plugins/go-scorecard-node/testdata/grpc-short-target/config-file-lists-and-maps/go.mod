module example.com/gateway

go 1.22

require (
	github.com/goccy/go-yaml v1.11.3
	google.golang.org/grpc v1.64.0
)
