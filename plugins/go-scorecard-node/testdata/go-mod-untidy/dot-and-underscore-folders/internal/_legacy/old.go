package legacy

import "github.com/pkg/errors"

var ErrOld = errors.New("old")
