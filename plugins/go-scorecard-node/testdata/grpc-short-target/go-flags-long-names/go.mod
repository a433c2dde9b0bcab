module example.com/gf

go 1.22

require (
	github.com/jessevdk/go-flags v1.5.0
	google.golang.org/grpc v1.64.0
)
