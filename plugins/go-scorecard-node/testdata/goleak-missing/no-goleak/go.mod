module example.com/worker // want "goleak-missing"

go 1.22
