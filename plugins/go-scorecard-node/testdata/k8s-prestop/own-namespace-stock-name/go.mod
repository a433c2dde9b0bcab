module example.com/tempo

go 1.22
