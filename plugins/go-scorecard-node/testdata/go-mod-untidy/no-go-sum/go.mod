module example.com/nosum // want "go-mod-untidy"

go 1.22

require github.com/google/uuid v1.6.0
