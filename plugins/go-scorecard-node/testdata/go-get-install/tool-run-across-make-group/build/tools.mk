# The Makefile that includes this fragment runs the tool.
tools:
	go get github.com/example/golint-extra # want: go-get-install
