module example.com/orders

go 1.22

require go.uber.org/fx v1.22.0
