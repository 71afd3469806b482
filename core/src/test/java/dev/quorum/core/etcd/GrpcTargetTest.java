package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcTargetTest {

    @Test
    void ipv4MembersMakeTheTargetJetcdWouldWrite() {
        assertThat(GrpcTarget.of(List.of(URI.create("https://10.0.0.1:2379"), URI.create("https://10.0.0.2:2379"),
                URI.create("https://10.0.0.1:2379")))).isEqualTo("ip:///10.0.0.1:2379,10.0.0.2:2379");
    }

    @Test
    void ipv6MembersMakeAValidUriWhosePathIsTheirHostsAndPortsAgain() {
        String target = GrpcTarget.of(List.of(URI.create("https://[fd51:9877:77::2]:2379"),
                URI.create("https://[fd51:9877:77::3]:2383")));

        URI parsed = URI.create(target);

        assertThat(parsed.getScheme()).isEqualTo("ip");
        assertThat(parsed.getPath()).isEqualTo("/[fd51:9877:77::2]:2379,[fd51:9877:77::3]:2383");
    }

    @Test
    void anEndpointWithoutAHostIsRefused() {
        assertThatThrownBy(() -> GrpcTarget.of(List.of(URI.create("unix:/run/etcd.sock"))))
                .hasMessageContaining("unix:/run/etcd.sock");
        assertThatThrownBy(() -> GrpcTarget.of(List.of())).hasMessageContaining("no etcd endpoint");
    }
}
