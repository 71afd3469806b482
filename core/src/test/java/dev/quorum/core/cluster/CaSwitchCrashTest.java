package dev.quorum.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.PkiException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The workstation's CA switch stopped at every point a kill -9 could stop it, and the states an
 * older Quorum (two renames, no marker) could leave: the next opening of the store must end with
 * one whole CA current and both CA keys kept.
 */
class CaSwitchCrashTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(CaSwitch.Point.class)
    void aSwitchCutShortAtAnyPointIsRecognisedAndEndsWithOneWholeCaAndBothKeys(CaSwitch.Point point) throws Exception {
        CaStoreFixture store = new CaStoreFixture(root);

        assertThatThrownBy(() -> store.crashingAt(point).switchToNew())
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(CaStoreFixture.SimulatedCrash.class);
        store.assertBothKeysKept();

        ClusterPki reopened = store.reopen();
        if (point == CaSwitch.Point.OLD_CA_RETIRED) {
            // Before the marker nothing of the store's CA changed: the old CA stays current, quietly.
            assertThat(reopened.recovered()).isEmpty();
            store.assertStillOld(reopened);
            reopened.rotation().switchToNew();
            store.assertSwitchedCompletely(store.reopen());
            try (Stream<Path> retired = Files.list(store.pki.resolve("retired"))) {
                assertThat(retired.count()).as("the complete retired copy is reused, not made twice").isEqualTo(1);
            }
            return;
        }
        assertThat(reopened.recovered()).singleElement().asString()
                .contains("found an interrupted switch", "completed it", "retired");
        store.assertSwitchedCompletely(reopened);
        assertThat(store.reopen().recovered()).as("a second opening finds nothing to do").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CaSwitch.Point.class)
    void theRotationsOwnSwitchStepAlsoResumesAfterACrash(CaSwitch.Point point) throws Exception {
        CaStoreFixture store = new CaStoreFixture(root);
        assertThatThrownBy(() -> store.crashingAt(point).switchToNew()).isInstanceOf(UncheckedIOException.class);

        // Not through ClusterPki.open: the store's own switch recognises the state too.
        new CaRotationStore(store.pki).switchToNew();

        store.assertSwitchedCompletely(store.reopen());
    }

    @Test
    void anOlderQuorumStoppedBetweenItsTwoRenamesIsCompleted() throws Exception {
        CaStoreFixture store = new CaStoreFixture(root);
        // What the two-rename switch left: the old CA copied to retired/, the new key moved, the new certificate not.
        Path retired = Files.createDirectories(store.pki.resolve("retired").resolve("20250101-000000"));
        copyCa(store.pki, retired);
        Files.move(store.next().resolve(CertificateAuthority.KEY_FILE), store.pki.resolve(CertificateAuthority.KEY_FILE),
                StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> CertificateAuthority.load(store.pki)).isInstanceOf(PkiException.class)
                .hasMessageContaining("does not match");

        ClusterPki reopened = store.reopen();

        assertThat(reopened.recovered()).singleElement().asString()
                .contains("between its two renames", "completed it", retired.toString());
        store.assertSwitchedCompletely(reopened);
    }

    @Test
    void anOlderQuorumStoppedAfterBothRenamesIsCleanedUp() throws Exception {
        CaStoreFixture store = new CaStoreFixture(root);
        Path retired = Files.createDirectories(store.pki.resolve("retired").resolve("20250101-000000"));
        copyCa(store.pki, retired);
        copyCa(store.next(), store.pki);
        Files.delete(store.next().resolve(CertificateAuthority.KEY_FILE));
        Files.delete(store.next().resolve(CertificateAuthority.CERTIFICATE_FILE));
        // Quorum's client certificate from the old CA is still there, next/ is an empty folder.
        assertThat(store.pki.resolve(ClusterPki.CLIENT_CERT)).exists();

        ClusterPki reopened = store.reopen();

        assertThat(reopened.recovered()).singleElement().asString().contains("after both renames", "completed it");
        store.assertSwitchedCompletely(reopened);
    }

    @Test
    void aPartialRetiredCopyFromAnOlderQuorumIsLeftAloneAndAWholeOneWritten() throws Exception {
        CaStoreFixture store = new CaStoreFixture(root);
        Path partial = Files.createDirectories(store.pki.resolve("retired").resolve("20250101-000000"));
        Files.writeString(partial.resolve(CertificateAuthority.KEY_FILE), store.oldCa.privateKeyPem().substring(0, 40));

        ClusterPki reopened = store.reopen();
        assertThat(reopened.recovered()).isEmpty();
        store.assertStillOld(reopened);
        reopened.rotation().switchToNew();

        store.assertSwitchedCompletely(store.reopen());
        assertThat(partial.resolve(CertificateAuthority.KEY_FILE)).exists();
    }

    @Test
    void theRotationCannotEndWhileTheNewCaStillWaits() throws Exception {
        CaStoreFixture store = new CaStoreFixture(root);

        assertThatThrownBy(() -> new CaRotationStore(store.pki).finish()).isInstanceOf(PkiException.class)
                .hasMessageContaining("switch to it before ending");

        store.assertStillOld(store.reopen());
    }

    @Test
    void aMarkerQuorumDidNotWriteStopsWithWhereTheCasAre() throws Exception {
        CaStoreFixture store = new CaStoreFixture(root);
        Files.writeString(store.pki.resolve("rotation").resolve("switching"), "garbage\n");

        assertThatThrownBy(store::reopen).hasMessageContaining("interrupted CA rotation")
                .hasRootCauseMessage("the CA switch marker " + store.pki.resolve("rotation").resolve("switching")
                        + " is not one Quorum wrote (expected retired= and new-ca-sha256= lines); the old CA is under "
                        + "retired/, the new one in rotation/next/ or already in place");
        store.assertBothKeysKept();
    }

    private static void copyCa(Path from, Path to) throws Exception {
        for (String name : new String[] {CertificateAuthority.KEY_FILE, CertificateAuthority.CERTIFICATE_FILE}) {
            Files.copy(from.resolve(name), to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
