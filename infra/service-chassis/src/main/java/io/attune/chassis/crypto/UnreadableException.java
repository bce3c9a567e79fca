package io.attune.chassis.crypto;

/**
 * Sealed text that cannot be opened with the key at hand: tampered, moved to another field or client, or sealed
 * with another key. Never transient, so a consumer dead-letters the record rather than retrying it.
 */
public class UnreadableException extends RuntimeException {

    public UnreadableException(String message) {
        super(message);
    }
}
