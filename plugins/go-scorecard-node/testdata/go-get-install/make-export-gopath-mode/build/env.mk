export GO111MODULE = off
