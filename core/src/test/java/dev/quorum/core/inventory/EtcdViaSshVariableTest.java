package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EtcdViaSshVariableTest {
    @TempDir
    Path dir;

    private Inventory read(String allVars) {
        return TestInventories.reader().read(TestInventories.write(dir, "hosts.yaml", TestInventories.threeEtcdHosts(allVars)));
    }

    @Test
    void isOffUnlessTheInventorySaysTrue() {
        assertThat(read("").etcdViaSsh()).isFalse();
        assertThat(read("quorum_etcd_via_ssh: false").etcdViaSsh()).isFalse();
        assertThat(read("quorum_etcd_via_ssh: true").etcdViaSsh()).isTrue();
        assertThat(read("quorum_etcd_via_ssh: \"yes\"").etcdViaSsh()).isTrue();
    }

    @Test
    void aValueThatIsNotABooleanIsRefusedOnRead() {
        assertThatThrownBy(() -> read("quorum_etcd_via_ssh: tunnel"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("quorum_etcd_via_ssh").hasMessageContaining("not true or false");
    }
}
