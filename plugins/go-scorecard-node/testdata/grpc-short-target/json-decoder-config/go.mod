module github.com/acme/quote

go 1.22

require google.golang.org/grpc v1.66.0
