package io.attune.chassis.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The master key, decoded once from configuration; a missing or malformed key stops the service at startup. */
public class CryptoBeans {

    @Produces
    @Singleton
    MasterKey masterKey(CryptoConfig config) {
        if (config.masterKeyFile().isPresent()) {
            try {
                return MasterKey.fromBase64(Files.readString(config.masterKeyFile().get()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read attune.crypto.master-key-file", e);
            }
        }
        return MasterKey.fromBase64(config.masterKey().orElseThrow(() -> new IllegalStateException(
                "set attune.crypto.master-key (ATTUNE_CRYPTO_MASTER_KEY) or attune.crypto.master-key-file "
                        + "(ATTUNE_CRYPTO_MASTER_KEY_FILE): see docs/security.md#crypto-shredding")));
    }
}
