module example.com/agent

go 1.22

require github.com/judwhite/go-svc v1.2.1
