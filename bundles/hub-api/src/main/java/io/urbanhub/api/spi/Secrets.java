package io.urbanhub.api.spi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * Secrets in configurations, stored encrypted as {@code ENC(…)} so that neither the files in {@code etc/} nor
 * {@code config:list} show them. The format is Jasypt's with {@code PBEWITHHMACSHA512ANDAES_256}, a random salt and a
 * random IV (as Karaf's {@code jasypt-encryption} and Jasypt's {@code encrypt.sh} make them), worked with the JDK's
 * own cipher. The master password comes from the environment variable {@value #MASTER_PASSWORD_VARIABLE}, or, where
 * the environment cannot be set, the system property {@value #MASTER_PASSWORD_PROPERTY}.
 */
public final class Secrets {

    public static final String MASTER_PASSWORD_VARIABLE = "URBANHUB_MASTER_PASSWORD";
    public static final String MASTER_PASSWORD_PROPERTY = "urbanhub.master.password";
    static final String ALGORITHM = "PBEWITHHMACSHA512ANDAES_256";
    /** Jasypt's default. */
    static final int ITERATIONS = 1000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /**
     * The value itself, or, for {@code ENC(…)}, what it decrypts to.
     *
     * @throws IllegalArgumentException when it is encrypted and there is no master password or it does not fit
     */
    public static String reveal(String configured) {
        if (!isEncrypted(configured)) {
            return configured;
        }
        return reveal(configured, masterPassword());
    }

    static String reveal(String configured, char[] master) {
        if (!isEncrypted(configured)) {
            return configured;
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(configured.strip().substring(4, configured.strip().length() - 1).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("An ENC(…) value holds no Base64", e);
        }
        if (all.length <= SALT_BYTES + IV_BYTES) {
            throw new IllegalArgumentException("An ENC(…) value is too short to be encrypted");
        }
        byte[] salt = Arrays.copyOfRange(all, 0, SALT_BYTES);
        byte[] iv = Arrays.copyOfRange(all, SALT_BYTES, SALT_BYTES + IV_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, master, salt, iv);
            return new String(cipher.doFinal(all, SALT_BYTES + IV_BYTES, all.length - SALT_BYTES - IV_BYTES),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // no detail: it would not help and could help an attacker
            throw new IllegalArgumentException("An ENC(…) value cannot be decrypted with the master password");
        }
    }

    /** {@code ENC(…)} of the value, with the master password of this process. */
    public static String encrypt(String plain) {
        return encrypt(plain, masterPassword());
    }

    static String encrypt(String plain, char[] master) {
        byte[] salt = random(SALT_BYTES);
        byte[] iv = random(IV_BYTES);
        try {
            byte[] encrypted = cipher(Cipher.ENCRYPT_MODE, master, salt, iv).doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[salt.length + iv.length + encrypted.length];
            System.arraycopy(salt, 0, all, 0, salt.length);
            System.arraycopy(iv, 0, all, salt.length, iv.length);
            System.arraycopy(encrypted, 0, all, salt.length + iv.length, encrypted.length);
            return "ENC(" + Base64.getEncoder().encodeToString(all) + ")";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot encrypt with " + ALGORITHM, e);
        }
    }

    public static boolean isEncrypted(String configured) {
        if (configured == null) {
            return false;
        }
        String value = configured.strip();
        return value.startsWith("ENC(") && value.endsWith(")");
    }

    private static Cipher cipher(int mode, char[] master, byte[] salt, byte[] iv) throws GeneralSecurityException {
        SecretKey key = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(new PBEKeySpec(master));
        Cipher cipher = Cipher.getInstance(ALGORITHM);
        cipher.init(mode, key, new PBEParameterSpec(salt, ITERATIONS, new IvParameterSpec(iv)));
        return cipher;
    }

    private static char[] masterPassword() {
        String master = System.getenv(MASTER_PASSWORD_VARIABLE);
        if (master == null || master.isEmpty()) {
            master = System.getProperty(MASTER_PASSWORD_PROPERTY, "");
        }
        if (master.isEmpty()) {
            throw new IllegalArgumentException("A value is encrypted (ENC(…)), but no master password is set: start the hub"
                    + " with the environment variable " + MASTER_PASSWORD_VARIABLE);
        }
        return master.toCharArray();
    }

    private static byte[] random(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
