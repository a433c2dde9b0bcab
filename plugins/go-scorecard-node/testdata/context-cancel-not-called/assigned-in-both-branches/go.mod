module example.com/call

go 1.19
