module k8s.io/kops

go 1.15

replace k8s.io/code-generator => k8s.io/code-generator v0.19.0-rc.4

require k8s.io/api v0.19.0
