package io.attune.chassis.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How a client id appears in logs: a keyed hash (HMAC-SHA256 with {@code attune.log.pseudonym-key}, first 16 hex
 * digits), so that log lines about one client can be correlated across services without naming the client, and
 * a guessable id cannot be recovered without the key.
 */
public final class ClientRef {

    private static volatile SecretKeySpec key;

    private ClientRef() {
    }

    public static String of(String clientId) {
        if (clientId == null) {
            return "-";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(clientId.getBytes(StandardCharsets.UTF_8));
            return "c:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            String secret = ConfigProvider.getConfig().getOptionalValue("attune.log.pseudonym-key", String.class)
                    .orElse("attune-local-pseudonym-key");
            current = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            key = current;
        }
        return current;
    }
}
