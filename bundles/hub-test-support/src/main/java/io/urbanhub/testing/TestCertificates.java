package io.urbanhub.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Certificates made for one test with the JDK's keytool: a CA, a server certificate for 127.0.0.1 and a client
 * certificate, both signed by the CA; as PEM files for servers such as Mosquitto and as PKCS#12 stores for Java.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private final Path folder;

    private TestCertificates(Path folder) {
        this.folder = folder;
    }

    /** Makes them in the folder; takes a few seconds of key generation. */
    public static TestCertificates create(Path folder) throws IOException, InterruptedException {
        TestCertificates certificates = new TestCertificates(folder);
        certificates.make();
        return certificates;
    }

    public Path caPem() {
        return folder.resolve("ca.pem");
    }

    public Path serverCertificatePem() {
        return folder.resolve("server.pem");
    }

    public Path serverKeyPem() {
        return folder.resolve("server-key.pem");
    }

    /** A trust store holding the CA. */
    public Path trustStore() {
        return folder.resolve("trust.p12");
    }

    /** The client's key and certificate chain. */
    public Path clientKeyStore() {
        return folder.resolve("client.p12");
    }

    /** A key store whose certificate no CA of the test signed. */
    public Path strangerKeyStore() {
        return folder.resolve("stranger.p12");
    }

    private void make() throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=UrbanHub Test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "trust.p12");
        signed("server", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
        signed("client", "CN=urbanhub-test-client", "EKU=clientAuth");
        keytool("-genkeypair", "-alias", "stranger", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=stranger",
                "-validity", "2", "-keystore", "stranger.p12");
        Files.move(folder.resolve("server.crt"), serverCertificatePem());
        writeKeyPem("server.p12", "server", serverKeyPem());
    }

    /** A key pair in {@code <name>.p12} whose certificate the CA signed, its chain imported back. */
    private void signed(String name, String subject, String extension) throws IOException, InterruptedException {
        String store = name + ".p12";
        keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", subject, "-validity", "2",
                "-keystore", store);
        keytool("-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-infile", name + ".csr", "-outfile", name + ".crt",
                "-ext", extension, "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", store);
        keytool("-importcert", "-alias", name, "-file", name + ".crt", "-keystore", store);
    }

    /** The private key as PKCS#8 PEM, which OpenSSL-based servers read. */
    private void writeKeyPem(String store, String alias, Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(folder.resolve(store))) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD.toCharArray());
            Key key = keyStore.getKey(alias, PASSWORD.toCharArray());
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
            Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot read the key of " + store, e);
        }
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process keytool = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
