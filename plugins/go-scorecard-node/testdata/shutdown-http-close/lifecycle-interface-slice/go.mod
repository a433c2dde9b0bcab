module example.com/shop

go 1.21

require (
	golang.org/x/sync v0.7.0
	google.golang.org/grpc v1.59.0
)
