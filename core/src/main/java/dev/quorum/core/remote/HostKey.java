package dev.quorum.core.remote;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/**
 * A host's public key in SSH wire form, the form known_hosts stores (base64) and OpenSSH
 * fingerprints are computed from.
 */
public record HostKey(String type, byte[] blob) {
    static {
        SshjProviders.useJdk(); // parsing a key is sshj's crypto too (decision 0055)
    }

    public HostKey {
        blob = blob.clone();
    }

    public static HostKey of(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        return new HostKey(KeyType.fromKey(key).toString(), blob);
    }

    /** OpenSSH's form, as {@code ssh-keygen -lf} prints: SHA256 of the blob, unpadded base64. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The key as a known_hosts line wants it: {@code type base64}. */
    public String toKnownHostsKey() {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    public boolean sameKey(byte[] otherBlob) {
        return Arrays.equals(blob, otherBlob);
    }

    // Records compare arrays by identity; keys are equal when their bytes are.
    @Override
    public boolean equals(Object o) {
        return o instanceof HostKey other && type.equals(other.type) && Arrays.equals(blob, other.blob);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return type + " " + fingerprint();
    }
}
