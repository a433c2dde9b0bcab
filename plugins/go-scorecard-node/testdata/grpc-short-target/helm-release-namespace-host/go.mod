module example.com/viz

go 1.22
