package io.attune.chassis.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;

/** journal-service could not say whether a client has a key (down, slow, or refusing the token): retry later. */
public class KeyServiceUnavailableException extends UncheckedIOException {

    public KeyServiceUnavailableException(String message, IOException cause) {
        super(message, cause);
    }
}
