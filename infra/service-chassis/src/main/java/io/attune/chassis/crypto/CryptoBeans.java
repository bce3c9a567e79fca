package io.attune.chassis.crypto;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The master key, decoded once from configuration; a malformed key stops the service at startup. */
public class CryptoBeans {

    @Produces
    @Singleton
    MasterKey masterKey(CryptoConfig config) {
        return MasterKey.fromBase64(config.masterKey());
    }
}
