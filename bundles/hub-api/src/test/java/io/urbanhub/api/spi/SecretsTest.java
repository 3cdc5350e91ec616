package io.urbanhub.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jasypt.encryption.pbe.StandardPBEStringEncryptor;
import org.jasypt.iv.RandomIvGenerator;
import org.junit.jupiter.api.Test;

/** ENC(…) values as Jasypt makes and reads them, so that operators can use its tools as well as hub:encrypt. */
class SecretsTest {

    private static final char[] MASTER = "correct horse battery staple".toCharArray();
    private static final String SECRET = "broker pässword: with $[odd] chars";

    @Test
    void aValueJasyptEncryptedIsRevealed() {
        String encrypted = "ENC(" + jasypt(new String(MASTER)).encrypt(SECRET) + ")";

        assertEquals(SECRET, Secrets.reveal(encrypted, MASTER));
    }

    @Test
    void jasyptRevealsWhatTheHubEncrypted() {
        String encrypted = Secrets.encrypt(SECRET, MASTER);

        assertTrue(encrypted.startsWith("ENC(") && encrypted.endsWith(")"));
        assertFalse(encrypted.contains("pässword"));
        assertEquals(SECRET, jasypt(new String(MASTER)).decrypt(encrypted.substring(4, encrypted.length() - 1)));
        assertNotEquals(encrypted, Secrets.encrypt(SECRET, MASTER), "a fresh salt and IV each time");
    }

    @Test
    void aPlainValuePassesAsItIs() {
        assertSame(SECRET, Secrets.reveal(SECRET));
        assertEquals("", Secrets.reveal(""));
        assertEquals(null, Secrets.reveal(null));
    }

    @Test
    void aWrongMasterPasswordIsRefusedWithoutDetail() {
        String encrypted = Secrets.encrypt(SECRET, MASTER);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Secrets.reveal(encrypted, "another master".toCharArray()));
        assertEquals("An ENC(…) value cannot be decrypted with the master password", refused.getMessage());
    }

    @Test
    void anEncryptedValueWithoutAMasterPasswordSaysWhatToSet() {
        // the build sets neither the variable nor the property
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Secrets.reveal(Secrets.encrypt(SECRET, MASTER)));
        assertTrue(refused.getMessage().contains(Secrets.MASTER_PASSWORD_VARIABLE), refused.getMessage());
    }

    @Test
    void malformedEncValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Secrets.reveal("ENC(not base64!)", MASTER));
        assertThrows(IllegalArgumentException.class, () -> Secrets.reveal("ENC(AAAA)", MASTER));
    }

    @Test
    void theConnectionAndItsStoresTakeEncryptedPasswords() {
        System.setProperty(Secrets.MASTER_PASSWORD_PROPERTY, new String(MASTER));
        try {
            MqttConnection connection = new MqttConnection("ssl://127.0.0.1:8883", 1, "hub", Secrets.encrypt("pw", MASTER),
                    new MqttTls("trust.p12", Secrets.encrypt("trust-pw", MASTER), "client.p12", Secrets.encrypt("key-pw", MASTER)));

            assertEquals("pw", connection.password());
            assertEquals("trust-pw", connection.tls().sslProperties().getProperty("com.ibm.ssl.trustStorePassword"));
            assertEquals("key-pw", connection.tls().sslProperties().getProperty("com.ibm.ssl.keyStorePassword"));
        } finally {
            System.clearProperty(Secrets.MASTER_PASSWORD_PROPERTY);
        }
    }

    private static StandardPBEStringEncryptor jasypt(String master) {
        StandardPBEStringEncryptor encryptor = new StandardPBEStringEncryptor();
        encryptor.setAlgorithm("PBEWITHHMACSHA512ANDAES_256");
        encryptor.setIvGenerator(new RandomIvGenerator());
        encryptor.setPassword(master);
        return encryptor;
    }
}
