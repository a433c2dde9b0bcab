module example.com/tidy

go 1.22

require github.com/google/uuid v1.6.0

require example.com/shared v0.0.0

replace example.com/shared => ../shared
