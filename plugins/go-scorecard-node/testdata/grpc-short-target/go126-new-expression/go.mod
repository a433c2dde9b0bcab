module example.com/p18

go 1.26

require google.golang.org/grpc v1.60.0
