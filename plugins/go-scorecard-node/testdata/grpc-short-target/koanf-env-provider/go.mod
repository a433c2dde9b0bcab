module example.com/orders

go 1.22

require (
	github.com/knadh/koanf/providers/env v1.0.0
	github.com/knadh/koanf/providers/file v1.1.2
	github.com/knadh/koanf/v2 v2.1.1
	google.golang.org/grpc v1.64.0
)
