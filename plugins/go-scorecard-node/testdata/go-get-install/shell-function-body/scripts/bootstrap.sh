#!/usr/bin/env bash
set -euo pipefail

function setup { go get github.com/golang/protobuf/protoc-gen-go; } # want: go-get-install

function mocks() {
  go get -u github.com/golang/mock/mockgen # want: go-get-install
}

setup
mocks
protoc --go_out=. api/*.proto
