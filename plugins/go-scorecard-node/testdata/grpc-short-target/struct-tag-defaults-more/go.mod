module example.com/shop

go 1.22

require (
	github.com/ilyakaznacheev/cleanenv v1.5.0
	github.com/sethvargo/go-envconfig v1.1.0
	github.com/vrischmann/envconfig v1.3.0
	google.golang.org/grpc v1.64.0
)
