FROM golang:1.22 AS build
RUN go get -u github.com/golang/protobuf/protoc-gen-go # want: go-get-install
