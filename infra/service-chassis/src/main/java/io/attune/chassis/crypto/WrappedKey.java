package io.attune.chassis.crypto;

/**
 * The answer of journal-service's {@code GET /internal/v1/clients/{clientId}/data-key}: the client's current data
 * key, wrapped with the master key ({@code alg} names the wrapping), never in the clear.
 */
public record WrappedKey(String clientId, String kid, String alg, String wrapped) {

    public static final String WRAP_ALG = "A256GCMKW";

    public static WrappedKey of(MasterKey master, DataKey key) {
        return new WrappedKey(key.clientId(), key.kid(), WRAP_ALG, master.wrap(key));
    }

    public DataKey unwrap(MasterKey master) {
        if (!WRAP_ALG.equals(alg)) {
            throw new UnreadableException("unknown key wrapping " + alg);
        }
        return master.unwrap(clientId, kid, wrapped);
    }

    @Override
    public String toString() {
        return "WrappedKey[kid=" + kid + "]";
    }
}
