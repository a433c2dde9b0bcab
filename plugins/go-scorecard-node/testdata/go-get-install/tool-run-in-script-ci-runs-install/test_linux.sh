#!/usr/bin/env bash
set -e
go test -coverprofile=cover.out ./...
gover
