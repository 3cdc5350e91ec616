package io.urbanhub.route.datex2.internal.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/** A provider that demands a client certificate, as the national access point does; certificates made by the JDK's keytool. */
class ClientCertificatesTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void onlyAClientWithItsCertificateGetsThePublication() throws Exception {
        keytool("-genkeypair", "-alias", "provider", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file("provider.p12"), "-storepass", "changeit");
        keytool("-genkeypair", "-alias", "hub", "-keyalg", "EC", "-dname", "CN=urbanhub", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file("hub.p12"), "-storepass", "changeit");
        keytool("-exportcert", "-alias", "provider", "-keystore", file("provider.p12"), "-storepass", "changeit", "-file", file("provider.cer"));
        keytool("-exportcert", "-alias", "hub", "-keystore", file("hub.p12"), "-storepass", "changeit", "-file", file("hub.cer"));
        keytool("-importcert", "-noprompt", "-alias", "provider", "-file", file("provider.cer"), "-storetype", "PKCS12",
                "-keystore", file("hub-trust.p12"), "-storepass", "changeit");
        keytool("-importcert", "-noprompt", "-alias", "hub", "-file", file("hub.cer"), "-storetype", "PKCS12",
                "-keystore", file("provider-trust.p12"), "-storepass", "changeit");

        HttpsServer provider = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SSLContext providerTls = ClientCertificates.context(file("provider.p12"), PASSWORD, file("provider-trust.p12"), PASSWORD);
        provider.setHttpsConfigurator(new HttpsConfigurator(providerTls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = providerTls.getDefaultSSLParameters();
                ssl.setNeedClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        provider.createContext("/parking", exchange -> {
            byte[] body = "<d2LogicalModel/>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        try {
            URI feed = URI.create("https://127.0.0.1:" + provider.getAddress().getPort() + "/parking");
            FeedClient withCertificate = new FeedClient(
                    ClientCertificates.context(file("hub.p12"), PASSWORD, file("hub-trust.p12"), PASSWORD), Duration.ofSeconds(5));
            try (InputStream xml = assertInstanceOf(FeedClient.Publication.class, withCertificate.fetch(feed, "", "")).xml()) {
                assertEquals("<d2LogicalModel/>", new String(xml.readAllBytes(), StandardCharsets.UTF_8));
            }

            FeedClient withoutCertificate = new FeedClient(
                    ClientCertificates.context("", PASSWORD, file("hub-trust.p12"), PASSWORD), Duration.ofSeconds(5));
            assertThrows(FeedException.class, () -> withoutCertificate.fetch(feed, "", ""));
        } finally {
            provider.stop(0);
        }
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
