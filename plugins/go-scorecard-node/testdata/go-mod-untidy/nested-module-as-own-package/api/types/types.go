package types

// Kind is a kind.
const Kind = "order"
