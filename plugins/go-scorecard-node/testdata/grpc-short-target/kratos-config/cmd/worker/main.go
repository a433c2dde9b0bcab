package main

import (
	"database/sql"

	"github.com/go-kratos/kratos/v2/config"
	"github.com/go-kratos/kratos/v2/config/file"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

type clientConf struct {
	Addr string `json:"addr"`
}

func main() {
	c := config.New(config.WithSource(file.NewSource("configs/worker.yaml")))
	if err := c.Load(); err != nil {
		panic(err)
	}
	// A subtree: the struct is read at the key Value names.
	var inventory clientConf
	if err := c.Value("clients.inventory").Scan(&inventory); err != nil {
		panic(err)
	}
	if _, err := grpc.NewClient(inventory.Addr, grpc.WithTransportCredentials(insecure.NewCredentials())); err != nil {
		panic(err)
	}
	// One key read as a string.
	billing, err := c.Value("clients.billing.addr").String()
	if err != nil {
		panic(err)
	}
	if _, err := grpc.NewClient(billing, grpc.WithTransportCredentials(insecure.NewCredentials())); err != nil {
		panic(err)
	}
}

// peer reads a row: sql's Scan loads no configuration, so the file's top-level addr is not its.
func peer(db *sql.DB) (*grpc.ClientConn, error) {
	var p clientConf
	if err := db.QueryRow("SELECT addr FROM peers LIMIT 1").Scan(&p); err != nil {
		return nil, err
	}
	return grpc.NewClient(p.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}
