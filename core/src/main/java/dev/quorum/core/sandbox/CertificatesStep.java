package dev.quorum.core.sandbox;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.pki.CertHost;
import dev.quorum.core.pki.CertificateCheck;
import dev.quorum.core.pki.CertificateCheckResult;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KubesprayCertificate;
import dev.quorum.core.pki.KubesprayCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Each member's certificate (Kubespray's {@code member-HOST.pem}), issued by the sandbox's
 * cluster CA exactly as install issues them; ones already right are kept.
 */
final class CertificatesStep implements Step {
    private final SandboxContext sandbox;

    CertificatesStep(SandboxContext sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String title() {
        return "Issue member certificates from the sandbox CA";
    }

    @Override
    public List<String> preview(String target) {
        SandboxMember member = sandbox.layout().requireMember(target);
        return List.of("# issued on this workstation by the CA in " + sandbox.home().pki(SandboxLayout.CLUSTER_NAME),
                "install -d -m 0700 " + sandbox.layout().certDir(member));
    }

    private KubesprayCertificate certificate(SandboxMember member) {
        List<CertHost> hosts = sandbox.layout().members().stream()
                .map(m -> new CertHost(m.hostName(), m.address())).toList();
        return KubesprayCertificates.of(hosts, List.of(), List.of()).member(member.hostName());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        SandboxMember member = sandbox.layout().requireMember(context.target());
        KubesprayCertificate cert = certificate(member);
        Path dir = sandbox.layout().certDir(member);
        Path pem = dir.resolve(cert.certificateFile());
        Path key = dir.resolve(cert.keyFile());
        if (!Files.isRegularFile(pem) || !Files.isRegularFile(key) || !Files.isRegularFile(dir.resolve("ca.pem"))) {
            return Check.needed("no certificate for " + member.memberName() + " yet");
        }
        CertificateCheckResult result = CertificateCheck.against(sandbox.pki().ca())
                .check(Files.readString(pem), Files.readString(key), cert.request());
        return result.ok() ? Check.done(cert.certificateFile() + " valid")
                : Check.needed(String.join("; ", result.problems()));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        SandboxMember member = sandbox.layout().requireMember(context.target());
        KubesprayCertificate cert = certificate(member);
        IssuedCertificate issued = sandbox.pki().ca().issue(cert.request());
        Path dir = sandbox.layout().certDir(member);
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        write(dir.resolve("ca.pem"), sandbox.pki().ca().certificatePem(), "rw-r--r--");
        write(dir.resolve(cert.keyFile()), issued.privateKeyPem(), "rw-------");
        write(dir.resolve(cert.certificateFile()), issued.certificatePem(), "rw-r--r--");
        context.info("issued " + cert.certificateFile() + " for " + member.address());
    }

    private static void write(Path file, String content, String mode) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Path certificateFile(SandboxLayout layout, SandboxMember member) {
        return layout.certDir(member).resolve("member-" + member.hostName() + ".pem");
    }

    static Path keyFile(SandboxLayout layout, SandboxMember member) {
        return layout.certDir(member).resolve("member-" + member.hostName() + "-key.pem");
    }
}
