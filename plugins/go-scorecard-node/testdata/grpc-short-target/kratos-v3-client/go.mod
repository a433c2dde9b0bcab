module example.com/checkout

go 1.23

require github.com/go-kratos/kratos/v3 v3.0.0
