module example.com/ledger

go 1.22

require (
	github.com/spf13/viper v1.19.0
	google.golang.org/grpc v1.64.0
)
