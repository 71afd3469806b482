package dev.quorum.app.overview;

import java.nio.file.Path;

/**
 * An inventory's path as a 300 px card can show it: under the home folder as {@code ~/...} (a shell still reads
 * it), elsewhere its folder and file name after "..."; the card's tooltip keeps the whole path.
 */
final class ShortPath {
    private ShortPath() {
    }

    static String of(Path path, Path home) {
        Path absolute = path.toAbsolutePath().normalize();
        if (absolute.startsWith(home) && !absolute.equals(home)) {
            return "~/" + home.relativize(absolute);
        }
        int names = absolute.getNameCount();
        return names <= 2 ? absolute.toString() : ".../" + absolute.subpath(names - 2, names);
    }

    /** {@code text} with every mention of {@code path} written short. */
    static String in(String text, Path path, Path home) {
        return text.replace(path.toString(), of(path, home));
    }
}
