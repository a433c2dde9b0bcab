package main

import "log"

type pool struct{ size int }

// Start is the pool's own method, not a framework's: the worker serves nothing.
func (p *pool) Start(addr string) error { return nil }

func main() {
	p := &pool{size: 4}
	if err := p.Start(":8080"); err != nil {
		log.Fatal(err)
	}
}
