export GO111MODULE = on
