#!/usr/bin/python3
"""kubelet + kube-apiserver stand-in for quorum lab hosts, which have no Kubernetes.

`kube-standin.py kubelet` plays kubelet for one static pod: it reads
/etc/kubernetes/manifests/kube-apiserver.yaml once a second and, whenever its content changes,
stops the running API server and starts a new one with the manifest's "- --flag=value" lines as
arguments (as kubelet restarts a static pod whose manifest changed). Files whose name starts with
a dot are ignored, as kubelet does. No manifest: no API server.

`kube-standin.py apiserver --etcd-servers=... --etcd-cafile=... --etcd-certfile=...
--etcd-keyfile=... [--secure-port=6443]` plays kube-apiserver: HTTPS on 127.0.0.1:PORT (served
with the etcd client certificate, as curl -k does not check it), where GET /livez/etcd (and
/healthz/etcd) answers 200 only when one of --etcd-servers answers etcd's /health with
"health": "true" using the CA, certificate and key given; 500 otherwise. Its command line holds
"kube-apiserver" as the script's name, so it is found as a real one would be.
"""
import http.server
import json
import os
import re
import signal
import ssl
import subprocess
import sys
import time
import urllib.request

MANIFEST = "/etc/kubernetes/manifests/kube-apiserver.yaml"
APISERVER = "/usr/local/bin/kube-apiserver"
FLAG = re.compile(r"^[ \t]*-[ \t]+[\"']?(--[a-z0-9-]+=[^\"'\s]*)[\"']?[ \t]*$")


def manifest_args(text):
    return [m.group(1) for m in (FLAG.match(line) for line in text.splitlines()) if m]


def kubelet():
    child, seen = None, None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        try:
            with open(MANIFEST, encoding="utf-8") as f:
                text = f.read()
        except FileNotFoundError:
            text = None
        if text != seen:
            seen = text
            if child is not None:
                child.terminate()
                child.wait()
                child = None
                print("kubelet: manifest changed, kube-apiserver stopped", flush=True)
            if text is not None:
                args = manifest_args(text)
                child = subprocess.Popen([sys.executable, APISERVER] + args)
                print("kubelet: kube-apiserver started with " + " ".join(args), flush=True)
        time.sleep(1)


def etcd_healthy(servers, cafile, certfile, keyfile):
    context = ssl.create_default_context(cafile=cafile)
    context.load_cert_chain(certfile, keyfile)
    for server in servers:
        try:
            with urllib.request.urlopen(server.rstrip("/") + "/health", context=context, timeout=2) as r:
                if json.loads(r.read().decode()).get("health") == "true":
                    return True
        except Exception as e:  # noqa: BLE001 - any failure means this server does not serve
            print("apiserver: " + server + ": " + str(e), flush=True)
    return False


def apiserver(argv):
    flags = dict(a[2:].split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    servers = flags["etcd-servers"].split(",")
    files = (flags["etcd-cafile"], flags["etcd-certfile"], flags["etcd-keyfile"])
    port = int(flags.get("secure-port", "6443"))
    time.sleep(1)  # a real API server takes a while to start

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path not in ("/livez/etcd", "/healthz/etcd"):
                self.send_response(404)
                self.end_headers()
                return
            ok = etcd_healthy(servers, *files)
            self.send_response(200 if ok else 500)
            self.end_headers()
            self.wfile.write(b"ok" if ok else b"[-]etcd failed: reason withheld")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(files[1], files[2])
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server.serve_forever()


if __name__ == "__main__":
    if os.path.basename(sys.argv[0]) == "kube-apiserver":
        apiserver(sys.argv[1:])
    elif sys.argv[1:2] == ["kubelet"]:
        kubelet()
    else:
        sys.exit("usage: kube-standin.py kubelet")
