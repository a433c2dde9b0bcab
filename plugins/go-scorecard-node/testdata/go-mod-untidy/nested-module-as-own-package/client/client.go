package client

// Name is the client name.
const Name = "client"
