/**
 * Quorum's test lab: real Linux "hosts" on one machine, for tests that install and operate etcd
 * over SSH. Needs root (network namespaces); no systemd or Docker.
 *
 * <p>A host is {@code unshare --pid --fork --kill-child --mount --uts --ipc --net} running a small
 * init as PID 1, on an overlayfs of the machine's own root (per-host upper dir, so /etc,
 * /var/lib/etcd, /usr/local/bin are private), with sshd on its address in 198.19.77.0/24 behind
 * the bridge {@code qlab0} (198.19.77.1, the tool's side). Debian's etcd is hidden so the host looks
 * bare; {@code systemctl} and {@code journalctl} are stand-ins honouring etcd's Kubespray unit
 * (Type=notify, EnvironmentFile, Restart=always, daemon-reload rule).
 *
 * <p>Entry points: {@link dev.quorum.lab.LabHosts} on a JUnit 5 test class, or
 * {@link dev.quorum.lab.Lab#start(int)}; {@link dev.quorum.lab.LabHost} for commands and faults;
 * {@link dev.quorum.lab.EtcdTarball} for an offline etcd release tarball. The work is done by the
 * scripts in this package's resources; live state is under /run/quorum-lab, upper dirs under
 * /var/tmp/quorum-lab, and a lab whose JVM died is removed by the next lab that starts.
 */
package dev.quorum.lab;
