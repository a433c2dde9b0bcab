package api

// Version is the API version.
const Version = "1"
