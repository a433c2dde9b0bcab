package worker

// Start runs f in a goroutine: the module starts goroutines.
func Start(f func()) {
	go f()
}
