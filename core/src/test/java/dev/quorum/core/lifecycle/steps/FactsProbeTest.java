package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactsProbeTest {
    @Test
    void parsesTheProbeOutput() {
        HostFacts facts = FactsProbe.parse("""
                arch=x86_64
                os=Debian GNU/Linux 12 (bookworm)
                disk_kib=52428800
                data=member
                service=active
                enabled=enabled
                listen=198.19.77.11:2380 users:(("etcd",pid=42,fd=8))
                address=127.0.0.1
                address=198.19.77.11
                address=fd00::11
                unpack=zstd
                ---etcd.env---
                ETCD_NAME=etcd1
                """);

        assertThat(facts.architecture()).isEqualTo("amd64");
        assertThat(facts.os()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(facts.freeKiB()).isEqualTo(52428800L);
        assertThat(facts.dataDir()).isEqualTo(HostFacts.DataDirState.MEMBER);
        assertThat(facts.etcdActive()).isTrue();
        assertThat(facts.unitEnabled()).isEqualTo("enabled");
        assertThat(facts.listeners()).containsExactly("198.19.77.11:2380 users:((\"etcd\",pid=42,fd=8))");
        assertThat(facts.envFile()).contains("ETCD_NAME=etcd1\n");
        assertThat(facts.addresses()).containsExactly("127.0.0.1", "198.19.77.11", "fd00::11");
        assertThat(facts.unpacksZstd()).isTrue();
    }

    @Test
    void aBareHostHasNoEnvAndUnknownService() {
        HostFacts facts = FactsProbe.parse("arch=aarch64\nos=x\ndisk_kib=1\ndata=empty\nservice=\n---etcd.env---\n");
        assertThat(facts.architecture()).isEqualTo("arm64");
        assertThat(facts.envFile()).isEmpty();
        assertThat(facts.serviceState()).isEqualTo("unknown");
        assertThat(facts.etcdActive()).isFalse();
        assertThat(facts.unpacksZstd()).as("no positive answer: the gzip tarball").isFalse();
    }
}
