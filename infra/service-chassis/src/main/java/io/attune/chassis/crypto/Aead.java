package io.attune.chassis.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM through the JDK's {@code javax.crypto}: a random 96-bit nonce per message and a 128-bit tag. A new
 * {@link Cipher} per call: a GCM cipher must not be reused with the same key and nonce, and getting one costs far
 * less than the Kafka round trip each message makes anyway.
 */
final class Aead {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    /** A fresh nonce. */
    static byte[] nonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** The ciphertext with its tag appended. */
    static byte[] seal(SecretKey key, byte[] nonce, byte[] plaintext, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @throws UnreadableException when the tag does not verify: wrong key, other associated data, or tampering */
    static byte[] open(SecretKey key, byte[] nonce, byte[] ciphertext, String associatedData) {
        if (nonce.length != NONCE_BYTES) {
            throw new UnreadableException("the nonce is not 96 bits");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ciphertext);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnreadableException("the authentication tag does not verify");
        } catch (GeneralSecurityException e) {
            throw new UnreadableException("the ciphertext cannot be opened: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Length-prefixed parts, so that no two different lists of parts give the same associated data (a client id
     * ending in the separator cannot impersonate another split).
     */
    static String associatedData(String... parts) {
        StringBuilder out = new StringBuilder("attune-aad-v1");
        for (String part : parts) {
            out.append('|').append(part.length()).append(':').append(part);
        }
        return out.toString();
    }

    static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
