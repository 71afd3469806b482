package dev.quorum.app.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = QuorumCommand.class.getPackage().getImplementationVersion();
        return new String[] {"quorum " + (version == null ? "development build" : version)};
    }
}
