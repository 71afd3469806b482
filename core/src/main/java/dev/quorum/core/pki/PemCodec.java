package dev.quorum.core.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/** PEM in and out, for certificates and unencrypted private keys in the forms openssl writes. */
public final class PemCodec {
    private PemCodec() {
    }

    /** Every certificate in the text, in order (a single certificate or a chain). */
    public static List<X509Certificate> parseCertificates(String pem) {
        Optional<List<X509Certificate>> plain = JdkPem.certificates(pem);
        if (plain.isPresent()) {
            return plain.get();
        }
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new PkiException("not a valid PEM certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new PkiException("no PEM certificate found");
        }
        return List.copyOf(certificates);
    }

    /** The first certificate of the text: the leaf when the text is a chain. */
    public static X509Certificate parseCertificate(String pem) {
        return parseCertificates(pem).get(0);
    }

    /**
     * The JDK's own providers know RSA and the EC curves etcd's certificates use; asking them first spares a short
     * command (quorum status) registering BouncyCastle's provider, a quarter of its start. Keys they do not know
     * (other curves) still go to BouncyCastle.
     */
    private static PrivateKey toPrivateKey(PrivateKeyInfo info) throws PEMException {
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (PEMException notInTheJdk) {
            return new JcaPEMKeyConverter().setProvider(BouncyCastle.provider()).getPrivateKey(info);
        }
    }

    /**
     * An unencrypted private key as PKCS#8 ({@code PRIVATE KEY}), traditional RSA
     * ({@code RSA PRIVATE KEY}, as Kubespray writes) or SEC1 ({@code EC PRIVATE KEY}, possibly
     * preceded by the {@code EC PARAMETERS} block that {@code openssl ecparam -genkey} emits).
     */
    public static PrivateKey parsePrivateKey(String pem) {
        Optional<PrivateKey> plain = JdkPem.pkcs8Key(pem);
        if (plain.isPresent()) {
            return plain.get();
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return toPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return toPrivateKey(pair.getPrivateKeyInfo());
                }
                if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new PkiException("the private key is encrypted; Quorum needs it unencrypted, as etcd does");
                }
                if (!(item instanceof ASN1ObjectIdentifier)) {
                    throw new PkiException("expected a private key, found " + describe(item));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PkiException pki) {
                throw pki;
            }
            throw new PkiException("not a valid PEM private key: " + e.getMessage(), e);
        }
        throw new PkiException("no PEM private key found");
    }

    public static String write(X509Certificate certificate) {
        return writeObject(certificate);
    }

    /**
     * PKCS#8 ({@code PRIVATE KEY}): read by openssl, etcd and netty alike, and it keeps an EC key's
     * curve name, which the traditional writer loses for keys not made by BouncyCastle.
     */
    public static String write(PrivateKey key) {
        try {
            return writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new PkiException("cannot encode the private key: " + e.getMessage(), e);
        }
    }

    private static String writeObject(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (object instanceof PemObjectGenerator generator) {
                writer.writeObject(generator);
            } else {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String describe(Object item) {
        return item instanceof X509CertificateHolder ? "a certificate" : item.getClass().getSimpleName();
    }
}
