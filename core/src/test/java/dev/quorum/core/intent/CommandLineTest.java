package dev.quorum.core.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void eachIntentIsTheCommandThatDoesIt() {
        String inv = "inv/hosts.yaml";
        assertThat(CommandLine.of(new Intent.Diagnose(), inv)).isEqualTo("quorum diagnose -i inv/hosts.yaml");
        assertThat(CommandLine.of(new Intent.Recover(), inv)).isEqualTo("quorum recover -i inv/hosts.yaml");
        assertThat(CommandLine.of(new Intent.RestoreFromSnapshot(List.of("etcd3", "etcd2")), inv))
                .isEqualTo("quorum restore -i inv/hosts.yaml --snapshot FILE --declare-lost etcd2 --declare-lost etcd3");
        assertThat(CommandLine.of(new Intent.RestoreFromSurvivor(), inv))
                .isEqualTo("quorum restore -i inv/hosts.yaml --from-survivor HOST");
        assertThat(CommandLine.of(new Intent.Replace("etcd2"), inv))
                .isEqualTo("quorum replace -i inv/hosts.yaml --member etcd2 --with NEWHOST");
        assertThat(CommandLine.of(new Intent.Remove("etcd2"), inv)).isEqualTo("quorum remove -i inv/hosts.yaml --member etcd2");
        assertThat(CommandLine.of(new Intent.Add("h4"), inv)).isEqualTo("quorum add -i inv/hosts.yaml --host h4");
        assertThat(CommandLine.of(new Intent.RenewCertificates(), inv)).isEqualTo("quorum certs renew -i inv/hosts.yaml");
        assertThat(CommandLine.of(new Intent.SaveSnapshot(), inv)).isEqualTo("quorum snapshot save -i inv/hosts.yaml");
        assertThat(CommandLine.of(new Intent.Manual("etcdctl alarm list"), inv)).isEqualTo("etcdctl alarm list");
    }
}
