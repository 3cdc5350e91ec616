package io.urbanhub.api.spi;

import java.util.Locale;
import java.util.Properties;

/**
 * What an adapter trusts and shows a TLS broker ({@code ssl://}): a trust store with the broker's CA, and a key store
 * with the client certificate where the broker asks for one. Empty paths mean the JVM's defaults. Stores ending in
 * {@code .p12} or {@code .pfx} are PKCS#12, others JKS.
 */
public record MqttTls(String trustStore, String trustStorePassword, String keyStore, String keyStorePassword) {

    public static final MqttTls NONE = new MqttTls("", "", "", "");

    public MqttTls {
        trustStore = trustStore == null ? "" : trustStore.strip();
        trustStorePassword = trustStorePassword == null ? "" : Secrets.reveal(trustStorePassword);
        keyStore = keyStore == null ? "" : keyStore.strip();
        keyStorePassword = keyStorePassword == null ? "" : Secrets.reveal(keyStorePassword);
    }

    public boolean isSet() {
        return !trustStore.isEmpty() || !keyStore.isEmpty();
    }

    /** Paho's {@code com.ibm.ssl.*} properties, as camel-paho's {@code sslClientProps} and {@code hub-mqtt} take them. */
    public Properties sslProperties() {
        Properties properties = new Properties();
        if (!trustStore.isEmpty()) {
            properties.setProperty("com.ibm.ssl.trustStore", trustStore);
            properties.setProperty("com.ibm.ssl.trustStorePassword", trustStorePassword);
            properties.setProperty("com.ibm.ssl.trustStoreType", type(trustStore));
        }
        if (!keyStore.isEmpty()) {
            properties.setProperty("com.ibm.ssl.keyStore", keyStore);
            properties.setProperty("com.ibm.ssl.keyStorePassword", keyStorePassword);
            properties.setProperty("com.ibm.ssl.keyStoreType", type(keyStore));
        }
        return properties;
    }

    private static String type(String store) {
        String name = store.toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx") ? "PKCS12" : "JKS";
    }

    @Override
    public String toString() {
        // never the passwords: this ends up in log lines
        return "MqttTls[trust " + (trustStore.isEmpty() ? "JVM default" : trustStore)
                + (keyStore.isEmpty() ? "" : ", client certificate " + keyStore) + "]";
    }
}
