package main

import (
	"fmt"

	"github.com/golang/protobuf/proto" // want "protobuf-legacy-module"
	ptypes "github.com/golang/protobuf/ptypes/empty" // want "protobuf-legacy-module"
)

func main() {
	fmt.Println(proto.Size(&ptypes.Empty{}))
}
