package apis // import "k8s.io/kops/pkg/apis"
