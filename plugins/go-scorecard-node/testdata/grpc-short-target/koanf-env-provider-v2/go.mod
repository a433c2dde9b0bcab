module example.com/orders

go 1.22

require (
	github.com/knadh/koanf/providers/env/v2 v2.0.0
	github.com/knadh/koanf/v2 v2.2.0
	google.golang.org/grpc v1.64.0
)
