#!/usr/bin/env bash
set -euo pipefail

install_tool() {
  go get "$1" # want: go-get-install
}

install_all() {
  for t in "$@"; do
    go get -u "${t}" # want: go-get-install
  done
}

function fetch_each {
  local pkg
  for pkg; do
    GO111MODULE=on go get "$pkg" # want: go-get-install
  done
}

deps() {
  go get -d "$1"
}

install_tool github.com/golangci/golangci-lint/cmd/golangci-lint
install_all golang.org/x/tools/cmd/goimports github.com/kisielk/errcheck
fetch_each github.com/golang/mock/mockgen
install_tool github.com/pkg/errors
deps github.com/pkg/errors
golangci-lint run
errcheck ./...
