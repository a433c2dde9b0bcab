module example.com/entry

go 1.22
