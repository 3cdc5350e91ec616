package io.urbanhub.distribution;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.nio.file.Path;

import org.ops4j.pax.exam.Option;

import io.urbanhub.testing.LocalService;
import io.urbanhub.testing.TestCertificates;

/**
 * The hub's HTTP service with TLS as the README tells operators to set it up in {@code etc/org.ops4j.pax.web.cfg},
 * with a server certificate for 127.0.0.1 that a CA made in the test signed. The probe gets the HTTPS base URL and
 * the trust store holding that CA (see {@link InContainer#trustingTestCa()}).
 */
final class DriverTls {

    static final String HTTPS_PROPERTY = "urbanhub.it.https";
    static final String TRUST_STORE_PROPERTY = "urbanhub.it.trustStore";
    private static final String PAX_WEB_CFG = "etc/org.ops4j.pax.web.cfg";

    private DriverTls() {
    }

    /** In the driver: the certificates and the options that turn HTTPS on beside HTTP. */
    static Option[] options() throws Exception {
        Path folder = Files.createDirectories(Path.of("target", "it-tls").toAbsolutePath());
        TestCertificates certificates = TestCertificates.create(Files.createTempDirectory(folder, "certificates"));
        int port = LocalService.freePort();
        Path serverStore = certificates.trustStore().resolveSibling("server.p12");
        return new Option[] {
                editConfigurationFilePut(PAX_WEB_CFG, "org.osgi.service.http.secure.enabled", "true"),
                editConfigurationFilePut(PAX_WEB_CFG, "org.osgi.service.http.port.secure", Integer.toString(port)),
                editConfigurationFilePut(PAX_WEB_CFG, "org.ops4j.pax.web.ssl.keystore", serverStore.toString()),
                editConfigurationFilePut(PAX_WEB_CFG, "org.ops4j.pax.web.ssl.keystore.type", "PKCS12"),
                editConfigurationFilePut(PAX_WEB_CFG, "org.ops4j.pax.web.ssl.keystore.password", TestCertificates.PASSWORD),
                editConfigurationFilePut(PAX_WEB_CFG, "org.ops4j.pax.web.ssl.key.password", TestCertificates.PASSWORD),
                editConfigurationFilePut(PAX_WEB_CFG, "org.ops4j.pax.web.ssl.key.alias", "server"),
                systemProperty(HTTPS_PROPERTY).value("https://127.0.0.1:" + port),
                systemProperty(TRUST_STORE_PROPERTY).value(certificates.trustStore().toString())};
    }
}
