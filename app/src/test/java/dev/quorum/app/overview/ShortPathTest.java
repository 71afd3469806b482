package dev.quorum.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShortPathTest {
    private static final Path HOME = Path.of("/home/alice");

    @Test
    void underTheHomeFolderItIsTilde() {
        assertThat(ShortPath.of(Path.of("/home/alice/clusters/staging/hosts.yaml"), HOME))
                .isEqualTo("~/clusters/staging/hosts.yaml");
    }

    @Test
    void elsewhereItIsTheFolderAndFileName() {
        assertThat(ShortPath.of(Path.of("/tmp/junit-4977102389521183609/staging/hosts.yaml"), HOME))
                .isEqualTo(".../staging/hosts.yaml");
        assertThat(ShortPath.of(Path.of("/srv/hosts.yaml"), HOME)).isEqualTo("/srv/hosts.yaml");
    }

    @Test
    void everyMentionInAHintIsShort() {
        Path inventory = Path.of("/tmp/junit-1/staging/hosts.yaml");
        assertThat(ShortPath.in("install it (quorum install -i " + inventory + "), or adopt it (quorum adopt -i "
                + inventory + ")", inventory, HOME)).isEqualTo("install it (quorum install -i .../staging/hosts.yaml),"
                + " or adopt it (quorum adopt -i .../staging/hosts.yaml)");
    }
}
