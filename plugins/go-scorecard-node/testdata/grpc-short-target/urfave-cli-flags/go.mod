module example.com/shop

go 1.22

require (
	github.com/urfave/cli/v2 v2.27.1
	github.com/urfave/cli/v3 v3.0.0
	google.golang.org/grpc v1.64.0
)
