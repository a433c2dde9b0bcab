module example.com/broker

go 1.22

require (
	github.com/spf13/viper v1.18.2
	google.golang.org/grpc v1.64.0
)
