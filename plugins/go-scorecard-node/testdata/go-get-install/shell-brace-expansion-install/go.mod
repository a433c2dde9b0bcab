module example.com/raft

go 1.22
