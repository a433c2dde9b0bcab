FROM golang:1.22 AS build
RUN go install github.com/golang/protobuf/protoc-gen-go@v1.5.4
