module example.com/pricing

go 1.22

require (
	github.com/peterbourgon/ff/v3 v3.4.0
	google.golang.org/grpc v1.64.0
)
