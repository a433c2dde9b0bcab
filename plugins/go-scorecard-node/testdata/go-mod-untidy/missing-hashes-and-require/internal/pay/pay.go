package pay

// Name is the package's name.
const Name = "pay"
