package io.attune.chassis.crypto;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where a consumer looks up the key that opens a client's sealed words; {@link ClientKeys} in a service. */
public interface DataKeys {

    /**
     * The client's key {@code kid}; empty when it no longer exists (the client was erased). Fails with
     * {@link KeyServiceUnavailableException} when that cannot be told now.
     */
    CompletionStage<Optional<DataKey>> find(String clientId, String kid);
}
