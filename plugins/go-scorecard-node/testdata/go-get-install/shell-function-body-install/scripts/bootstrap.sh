#!/usr/bin/env bash
set -euo pipefail

function setup { go install github.com/golang/protobuf/protoc-gen-go@v1.5.4; }

function mocks() {
  go install github.com/golang/mock/mockgen@v1.6.0
}

setup
mocks
protoc --go_out=. api/*.proto
