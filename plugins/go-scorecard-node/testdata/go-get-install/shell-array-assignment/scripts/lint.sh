#!/usr/bin/env bash
set -euo pipefail
# lint-rules is a library the custom linter plugin is built against, not a tool
go get github.com/example/lint-rules
go get github.com/golangci/golangci-lint/cmd/golangci-lint # want: go-get-install
linters=(
  lint-rules
  errcheck
)
linters+=(govet)
golangci-lint run --enable "${linters[0]}" ./...
