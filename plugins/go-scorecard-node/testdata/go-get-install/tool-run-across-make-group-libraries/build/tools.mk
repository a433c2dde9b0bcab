# Libraries nothing in the build runs.
tools:
	go get github.com/example/assertlib
