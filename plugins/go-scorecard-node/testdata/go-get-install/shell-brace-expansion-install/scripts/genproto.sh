#!/usr/bin/env bash
# The plugin is installed at a pinned version; the libraries come from go.mod.
set -e
go install github.com/gogo/protobuf/protoc-gen-gogo@v1.3.2
go get github.com/example/{lib,util}
protoc --gogo_out=. raft.proto
