module example.com/noci

go 1.22
