module example.com/cni

go 1.21
