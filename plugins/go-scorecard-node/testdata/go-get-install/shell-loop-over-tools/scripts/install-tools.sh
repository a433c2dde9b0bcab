#!/usr/bin/env bash
set -euo pipefail

TOOLS=(
  github.com/golang/mock/mockgen # mocks
  "golang.org/x/tools/cmd/goimports"
)
LIBS="github.com/pkg/errors"

for tool in "${TOOLS[@]}"; do
  GO111MODULE=on go get -u "${tool}" # want: go-get-install "mockgen.*goimports"
done

for f in ./internal/*; do
  go get "$f"
done

go get "${LIBS}"
go get "$(cat tools.txt)"
