package io.attune.chassis.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client's data key: the AES-256 key that seals that client's words in events. {@code kid} names this key, so a
 * client erased and later seen again gets a new key, and ciphertext of the old one is never opened with it.
 */
public record DataKey(String clientId, String kid, SecretKey key) {

    static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public DataKey {
        if (clientId == null || kid == null || key == null) {
            throw new IllegalArgumentException("a data key needs a client id, a key id and key material");
        }
    }

    /** A fresh random key for the client. */
    public static DataKey generate(String clientId) {
        byte[] material = new byte[KEY_BYTES];
        RANDOM.nextBytes(material);
        try {
            return of(clientId, UUID.randomUUID().toString(), material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    static DataKey of(String clientId, String kid, byte[] material) {
        if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException("a data key is " + KEY_BYTES + " bytes");
        }
        return new DataKey(clientId, kid, new SecretKeySpec(material, "AES"));
    }

    /** Never the key material, never the client id: this may end up in a log line. */
    @Override
    public String toString() {
        return "DataKey[kid=" + kid + "]";
    }
}
