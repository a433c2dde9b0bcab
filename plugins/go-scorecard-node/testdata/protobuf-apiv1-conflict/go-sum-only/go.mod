module example.com/legacy

go 1.16

require google.golang.org/grpc v1.27.0
