package io.attune.chassis.crypto;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Crypto-shredding of client words in events (docs/security.md#crypto-shredding). */
@ConfigMapping(prefix = "attune.crypto")
public interface CryptoConfig {

    /** 32 random bytes, base64: wraps every client's data key. The same value in all three services. */
    Optional<String> masterKey();

    /** A file holding the master key (a mounted Secret, or the local key of {@code attune up}); wins over masterKey. */
    Optional<Path> masterKeyFile();

    /** Where consumers get a client's data key: journal-service's internal endpoint. */
    KeyService keyService();

    KeyCache keyCache();

    interface KeyService {

        /** journal-service's base URL, e.g. {@code http://journal-service:8081}. */
        @WithDefault("http://127.0.0.1:8081")
        String url();

        /** A bearer token with the {@code service} role. */
        Optional<String> token();

        /** A file holding that token, read at every fetch so that a rotated token is picked up; wins over token. */
        Optional<Path> tokenFile();

        @WithDefault("3s")
        Duration timeout();
    }

    interface KeyCache {

        /** How long a consumer keeps a fetched key in memory: an erasure reaches a cached copy after this at most. */
        @WithDefault("5m")
        Duration ttl();

        /** How long "this client has no key" is remembered, so a backlog of an erased client's events costs one call. */
        @WithDefault("30s")
        Duration missingTtl();

        @WithDefault("10000")
        long maxSize();
    }
}
