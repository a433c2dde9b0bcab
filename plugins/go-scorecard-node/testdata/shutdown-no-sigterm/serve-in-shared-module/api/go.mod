module example.com/shop/api

go 1.22

require example.com/platform v0.0.0

replace example.com/platform => ../platform
