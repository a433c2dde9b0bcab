#!/bin/bash
set -e
# In quotes the string is one word: a module path with blanks, no tool.
libs="github.com/example/errors"
go get -u "$libs"
gotools="github.com/kardianos/govendor@v1.0.9 github.com/mattn/goveralls@v0.0.12"
for tool in $gotools; do
  go install "$tool"
done
govendor sync
