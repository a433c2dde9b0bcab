#!/usr/bin/env bash
set -euo pipefail

install_tool() {
  go install "$1"
}

install_all() {
  for t in "$@"; do
    go install "${t}"
  done
}

function fetch_each {
  local pkg
  for pkg; do
    GO111MODULE=on go install "$pkg"
  done
}

deps() {
  go get -d "$1"
}

install_tool github.com/golangci/golangci-lint/cmd/golangci-lint@v1.59.1
install_all golang.org/x/tools/cmd/goimports@v0.24.0 github.com/kisielk/errcheck@v1.7.0
fetch_each github.com/golang/mock/mockgen@v1.6.0
deps github.com/pkg/errors
golangci-lint run
errcheck ./...
