module example.com/agent

go 1.22

require github.com/kardianos/service v1.2.2
