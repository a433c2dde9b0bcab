package main

import (
	"fmt"

	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/emptypb"
)

func main() {
	fmt.Println(proto.Size(&emptypb.Empty{}))
}
