module example.com/gw

go 1.22

require (
	gopkg.in/yaml.v3 v3.0.1
	google.golang.org/grpc v1.64.0
)
