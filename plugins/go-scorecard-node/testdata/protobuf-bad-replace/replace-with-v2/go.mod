module example.com/users

go 1.22

require (
	github.com/golang/protobuf v1.3.5
	google.golang.org/protobuf v1.33.0
)

// The seed's "fix": it does not build.
replace github.com/golang/protobuf => google.golang.org/protobuf v1.33.0 // want "protobuf-bad-replace"
