package io.attune.chassis.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps every client's data key ({@code attune.crypto.master-key}, 32 bytes in base64). Data keys
 * are stored and handed between services only wrapped by it, bound by the associated data to their client and key
 * id, so a wrapped key copied onto another client's record does not unwrap.
 */
public final class MasterKey {

    private final SecretKey key;

    private MasterKey(SecretKey key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException unless {@code base64} decodes to exactly 32 bytes */
    public static MasterKey fromBase64(String base64) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("attune.crypto.master-key is not base64");
        }
        try {
            if (material.length != DataKey.KEY_BYTES) {
                throw new IllegalArgumentException("attune.crypto.master-key must be 32 bytes (256 bits), base64; "
                        + "got " + material.length + " bytes");
            }
            return new MasterKey(new SecretKeySpec(material, "AES"));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** A new random master key in base64, for {@code attune up} and tests. */
    public static String generateBase64() {
        byte[] material = new byte[DataKey.KEY_BYTES];
        new java.security.SecureRandom().nextBytes(material);
        return Base64.getEncoder().encodeToString(material);
    }

    /**
     * A secret for another purpose derived from this key ({@code HMAC-SHA256(master, "attune:" + purpose)}), so a
     * service needs no second secret where one per purpose is enough; knowing the result reveals nothing of the key.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("attune:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** {@code base64url(nonce || ciphertext || tag)} of the data key. */
    public String wrap(DataKey dataKey) {
        byte[] nonce = Aead.nonce();
        byte[] sealed = Aead.seal(key, nonce, dataKey.key().getEncoded(), wrapContext(dataKey.clientId(),
                dataKey.kid()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Aead.concat(nonce, sealed));
    }

    /** @throws UnreadableException when the wrapped key is not this client's key {@code kid} under this master key */
    public DataKey unwrap(String clientId, String kid, String wrapped) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(wrapped);
        } catch (IllegalArgumentException e) {
            throw new UnreadableException("the wrapped key is not base64url");
        }
        if (bytes.length <= Aead.NONCE_BYTES) {
            throw new UnreadableException("the wrapped key is too short");
        }
        byte[] material = Aead.open(key, Arrays.copyOf(bytes, Aead.NONCE_BYTES),
                Arrays.copyOfRange(bytes, Aead.NONCE_BYTES, bytes.length), wrapContext(clientId, kid));
        try {
            return DataKey.of(clientId, kid, material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static String wrapContext(String clientId, String kid) {
        return Aead.associatedData("data-key", clientId, kid);
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
