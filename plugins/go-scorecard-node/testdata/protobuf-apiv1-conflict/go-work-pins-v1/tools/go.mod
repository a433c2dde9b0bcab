// Not used by the workspace: go.work's replace does not apply here.
module example.com/tools

go 1.22

require (
	github.com/golang/protobuf v1.5.4
	google.golang.org/protobuf v1.33.0
)
