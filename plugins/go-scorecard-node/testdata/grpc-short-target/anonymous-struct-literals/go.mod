module example.com/anon

go 1.22
