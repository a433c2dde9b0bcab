module example.com/svc

go 1.21

require example.com/svc/client v0.0.0

replace example.com/svc/client => ./client
