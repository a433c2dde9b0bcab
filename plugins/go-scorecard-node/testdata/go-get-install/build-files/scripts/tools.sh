#!/bin/sh
set -eu
export GO111MODULE=off
go get github.com/x/other # want: go-get-install
