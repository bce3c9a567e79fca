package io.attune.chassis.paging;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns a {@link PageCursor} into the opaque {@code next} value of a listing and back, authenticated with an
 * HMAC-SHA256 under {@code attune.cursor.secret}. The MAC also covers the listing the cursor belongs to (its
 * {@code scope}, e.g. {@code journal-entries:client-42}), so a cursor that was edited, forged, or taken from
 * another listing is refused with a 400 instead of silently returning some other page.
 */
@ApplicationScoped
public class CursorCodec {

    private static final String ALGORITHM = "HmacSHA256";
    /** 128 bits of the MAC: enough against forgery, and keeps cursors short. */
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public CursorCodec(@ConfigProperty(name = "attune.cursor.secret") String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("attune.cursor.secret must hold at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String encode(PageCursor cursor, String scope) {
        String payload = cursor.encode();
        return payload + "." + ENCODER.encodeToString(mac(scope, payload));
    }

    /** @throws IllegalArgumentException when {@code value} is not a cursor this codec issued for {@code scope} */
    public PageCursor decode(String value, String scope) {
        int dot = value.lastIndexOf('.');
        if (dot <= 0 || dot == value.length() - 1 || value.length() > 512) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        String payload = value.substring(0, dot);
        byte[] presented;
        try {
            presented = DECODER.decode(value.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor returned by this API", e);
        }
        if (!MessageDigest.isEqual(presented, mac(scope, payload))) {
            throw new IllegalArgumentException("not a cursor returned by this API");
        }
        return PageCursor.decode(payload);
    }

    private byte[] mac(String scope, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(scope.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
