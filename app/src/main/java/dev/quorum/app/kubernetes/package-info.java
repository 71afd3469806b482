/** The Kubernetes tab: the inventory's Kubernetes hosts as etcd clients (node certificate, kube-apiserver's list). */
package dev.quorum.app.kubernetes;
