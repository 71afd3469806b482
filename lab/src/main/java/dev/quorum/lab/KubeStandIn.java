package dev.quorum.lab;

import java.time.Duration;

/**
 * kubelet and kube-apiserver on a lab host, played by {@code kube-standin.py}: a kubelet that restarts the API
 * server whenever {@code /etc/kubernetes/manifests/kube-apiserver.yaml} changes, and an API server whose
 * {@code https://127.0.0.1:6443/livez/etcd} answers 200 only while it reaches etcd with the manifest's
 * {@code --etcd-servers} and client certificate. Enough to test what Quorum does to the manifest.
 */
public final class KubeStandIn {
    public static final String MANIFEST = "/etc/kubernetes/manifests/kube-apiserver.yaml";
    private static final String KUBELET = "/usr/local/lib/quorum-lab/kube-standin.py";

    private KubeStandIn() {
    }

    /** A static pod manifest shaped as kubeadm writes it, with Kubespray's etcd client files for {@code host}. */
    public static String manifest(String host, String etcdServers) {
        String dir = "/etc/ssl/etcd/ssl";
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  labels:
                    component: kube-apiserver
                    tier: control-plane
                  name: kube-apiserver
                  namespace: kube-system
                spec:
                  containers:
                  - command:
                    - kube-apiserver
                    - --advertise-address=127.0.0.1
                    - --secure-port=6443
                    - --etcd-servers=%s
                    - --etcd-cafile=%s/ca.pem
                    - --etcd-certfile=%s/node-%s.pem
                    - --etcd-keyfile=%s/node-%s-key.pem
                    image: registry.k8s.io/kube-apiserver:v1.31.4  # the stand-in ignores it
                    name: kube-apiserver
                  hostNetwork: true
                """.formatted(etcdServers, dir, dir, host, dir, host);
    }

    /** Writes the manifest (mode 0600, as kubeadm) and starts the kubelet stand-in in the background. */
    public static void start(LabHost host, String manifest) {
        host.copyIn(LabScripts.path("kube-standin.py"), "/usr/local/bin/kube-apiserver", "0755");
        host.copyIn(LabScripts.path("kube-standin.py"), KUBELET, "0755");
        host.writeFile(MANIFEST, manifest);
        host.exec("chmod 0600 " + MANIFEST).requireOk("chmod the manifest on " + host.name());
        host.exec("setsid /usr/bin/python3 " + KUBELET + " kubelet >/var/log/kubelet-standin.log 2>&1 </dev/null &")
                .requireOk("start the kubelet stand-in on " + host.name());
    }

    /** The HTTP status of {@code /livez/etcd} on the host ("000" when nothing answers). */
    public static String livez(LabHost host) {
        return host.exec("curl -sk --max-time 5 -o /dev/null -w '%{http_code}' https://127.0.0.1:6443/livez/etcd",
                Duration.ofSeconds(15)).stdout().trim();
    }

    /** Waits (bounded) until {@code /livez/etcd} answers {@code status}; whether it did. */
    public static boolean awaitLivez(LabHost host, String status, Duration timeout) {
        return Wait.until(timeout, Duration.ofMillis(500), () -> status.equals(livez(host)));
    }
}
