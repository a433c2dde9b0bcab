module example.com/org/svc

go 1.22
