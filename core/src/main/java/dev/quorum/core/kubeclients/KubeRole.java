package dev.quorum.core.kubeclients;

/** What a Kubernetes host is to etcd: a control plane runs kube-apiserver, etcd's main client; a node does not. */
public enum KubeRole { CONTROL_PLANE, NODE }
