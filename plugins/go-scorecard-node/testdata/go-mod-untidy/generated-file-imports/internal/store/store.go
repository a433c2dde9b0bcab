package store

// Name is the package name.
const Name = "store"
