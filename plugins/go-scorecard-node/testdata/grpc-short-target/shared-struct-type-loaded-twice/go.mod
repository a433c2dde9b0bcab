module example.com/mail

go 1.22

require (
	github.com/caarlos0/env/v11 v11.2.2
	gopkg.in/yaml.v3 v3.0.1
	google.golang.org/grpc v1.64.0
)
