module example.com/lint

go 1.22

require (
	github.com/golangci/golangci-lint v1.55.2
	github.com/vektra/mockery/v2 v2.43.0
)
