package io.urbanhub.route.datex2.internal.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS identity of a feed client: a PKCS#12 key store with the client certificate the provider issued,
 * and optionally a trust store for a provider whose certificate the JDK does not trust.
 */
public final class ClientCertificates {

    private ClientCertificates() {
    }

    /** Null when neither store is configured: the JDK's defaults then apply. */
    public static SSLContext context(String keyStore, char[] keyStorePassword, String trustStore, char[] trustStorePassword)
            throws IOException, GeneralSecurityException {
        if (keyStore.isBlank() && trustStore.isBlank()) {
            return null;
        }
        KeyManagerFactory keys = null;
        if (!keyStore.isBlank()) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore, keyStorePassword), keyStorePassword);
        }
        TrustManagerFactory trust = null;
        if (!trustStore.isBlank()) {
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore, trustStorePassword));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(String file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(file.endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            store.load(in, password);
        }
        return store;
    }
}
