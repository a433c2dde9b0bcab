#!/usr/bin/env bash
# The brace list names two protoc plugins among libraries.
set -e
go get -v github.com/gogo/protobuf/{proto,protoc-gen-gogo,gogoproto} # want: go-get-install
go get github.com/example/{lib,util}
protoc --gogo_out=. raft.proto
