.RECIPEPREFIX = >
legacy:
> go get github.com/tools/godep/cmd/godep # want: go-get-install
