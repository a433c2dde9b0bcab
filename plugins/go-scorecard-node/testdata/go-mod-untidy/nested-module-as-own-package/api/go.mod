module example.com/svc/api

go 1.21
