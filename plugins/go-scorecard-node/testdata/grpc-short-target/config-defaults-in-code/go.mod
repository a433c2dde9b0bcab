module example.com/shop

go 1.22

require (
	github.com/knadh/koanf/v2 v2.1.1
	github.com/spf13/viper v1.19.0
	google.golang.org/grpc v1.64.0
)
