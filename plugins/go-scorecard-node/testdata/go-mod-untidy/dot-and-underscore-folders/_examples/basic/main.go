// The go command ignores folders whose names begin with _ or .: go mod tidy reads none of this.
package main

import (
	"github.com/rs/cors"
	"github.com/sirupsen/logrus"
)

func main() {
	logrus.Info(cors.Default())
}
