module example.com/shop

go 1.22

require github.com/caarlos0/env/v10 v10.0.0
