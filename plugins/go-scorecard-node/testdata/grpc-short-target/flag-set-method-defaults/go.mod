module example.com/jobs

go 1.22

require (
	github.com/spf13/cobra v1.8.0
	google.golang.org/grpc v1.64.0
)
