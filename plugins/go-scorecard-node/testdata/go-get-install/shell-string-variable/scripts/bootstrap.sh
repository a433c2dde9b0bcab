#!/bin/bash
set -e
# The tools are listed in a string: unquoted, $gotools splits into one package per word.
gotools=" \
       github.com/example/errors \
       github.com/kardianos/govendor \
"
if [ -n "$CI" ]; then
  gotools+=" github.com/mattn/goveralls"
fi
go get -u $gotools # want: go-get-install "govendor.*goveralls"
govendor sync
