module example.com/pinned

go 1.22

require github.com/golang/mock v1.6.0
