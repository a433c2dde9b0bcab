module example.com/nomad

go 1.22
