#!/usr/bin/env bash
set -euo pipefail

LINT=$(go get github.com/golangci/golangci-lint/cmd/golangci-lint) # want: go-get-install
echo "installed: $(go install golang.org/x/tools/cmd/goimports@latest)" # want: go-install-unpinned
MOCK=`go get github.com/golang/mock/mockgen` # want: go-get-install
SWAG="$(echo "$(
  go get github.com/swaggo/swag/cmd/swag # want: go-get-install
)")"
echo "$LINT $MOCK $SWAG" $(( 1 + 2 ))
echo 'not run: $(go get github.com/kisielk/errcheck)'
