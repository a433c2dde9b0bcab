module example.com/lint

go 1.22

require (
	github.com/golangci/golangci-lint v1.55.2
	golang.org/x/lint v0.0.0-20210508222113-6edffad5e616
)
