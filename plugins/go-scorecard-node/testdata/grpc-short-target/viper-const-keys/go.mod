module example.com/ledger

go 1.22

require (
	github.com/spf13/pflag v1.0.5
	github.com/spf13/viper v1.18.2
	google.golang.org/grpc v1.64.0
)
