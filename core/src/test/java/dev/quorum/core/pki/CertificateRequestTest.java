package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateRequestTest {
    private static CertificateRequest request(String cn, List<String> dns, List<String> ips, Duration validity) {
        return new CertificateRequest(cn, CertificateProfile.MEMBER, dns, ips, validity, KeyAlgorithm.EC_P256);
    }

    @Test
    void acceptsIpv4AndIpv6Literals() {
        var request = request("m", List.of("etcd01"), List.of("198.19.77.11", "::1", "fd00::11", "::ffff:10.0.0.1"),
                Duration.ofDays(1));
        assertThat(request.ipAddresses()).hasSize(4);
    }

    @Test
    void rejectsWhatWouldMakeABrokenCertificate() {
        assertThatThrownBy(() -> request(" ", List.of(), List.of(), Duration.ofDays(1)))
                .hasMessage("certificate common name is blank");
        assertThatThrownBy(() -> request("m", List.of(), List.of("etcd01.example"), Duration.ofDays(1)))
                .hasMessage("not an IP address literal: \"etcd01.example\"");
        assertThatThrownBy(() -> request("m", List.of(), List.of("198.19.77.256"), Duration.ofDays(1)))
                .hasMessageContaining("not an IP address literal");
        assertThatThrownBy(() -> request("m", List.of(), List.of("fe80::1%eth0"), Duration.ofDays(1)))
                .hasMessageContaining("not an IP address literal");
        assertThatThrownBy(() -> request("m", List.of("bad name"), List.of(), Duration.ofDays(1)))
                .hasMessage("not a DNS name: \"bad name\"");
        assertThatThrownBy(() -> request("m", List.of(), List.of(), Duration.ZERO))
                .hasMessageContaining("validity must be positive");
        assertThatThrownBy(() -> request("m", List.of(), List.of(), Duration.ofDays(-1)))
                .hasMessageContaining("validity must be positive");
    }

    @Test
    void listsAreCopied() {
        var ips = new java.util.ArrayList<>(List.of("127.0.0.1"));
        var request = request("m", List.of(), ips, Duration.ofDays(1));
        ips.add("10.0.0.1");
        assertThat(request.ipAddresses()).containsExactly("127.0.0.1");
    }
}
