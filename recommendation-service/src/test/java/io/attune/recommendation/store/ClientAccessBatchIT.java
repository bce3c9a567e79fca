package io.attune.recommendation.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.attune.chassis.security.ClientAccess;
import io.attune.infra.testing.AttuneStackResource;
import io.attune.recommendation.store.ClientAccessStore.Change;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A batch of client-access changes ends where applying them one by one ends. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ClientAccessBatchIT {

    @Inject
    ClientAccessStore store;

    @Test
    void theNewestVersionOfABatchWinsWhateverItsPlaceInTheBatch() {
        String client = client();
        store.applyAll(List.of(change(client, "coach-b", 2), change(client, "coach-c", 3), change(client, "coach-a", 1)));

        assertThat(store.find(client).orElseThrow().coaches()).containsExactly("coach-c");
    }

    @Test
    void aBatchDoesNotReplaceANewerStoredVersion() {
        String client = client();
        store.apply(change(client, "coach-new", 10));

        store.applyAll(List.of(change(client, "coach-old", 4), change(client, "coach-older", 3)));

        assertThat(store.find(client).orElseThrow().coaches()).containsExactly("coach-new");
    }

    @Test
    void anErasureInABatchRemovesTheCopyAndTheChangesBeforeItButNotThoseAfter() {
        String erased = client();
        String back = client();
        store.apply(change(erased, "coach-a", 5));
        store.apply(change(back, "coach-a", 5));

        store.applyAll(List.of(change(erased, "coach-b", 6), Change.erased(erased),
                Change.erased(back), change(back, "coach-c", 1)));

        assertThat(store.find(erased)).isEmpty();
        assertThat(store.find(back).orElseThrow().coaches()).containsExactly("coach-c");
    }

    @Test
    void severalClientsAreAppliedTogether() {
        String first = client();
        String second = client();

        store.applyAll(List.of(change(first, "coach-1", 1), change(second, "coach-2", 1)));

        assertThat(store.find(first).orElseThrow().coaches()).containsExactly("coach-1");
        assertThat(store.find(second).orElseThrow().coaches()).containsExactly("coach-2");
    }

    private static Change change(String clientId, String coach, long version) {
        return new Change(clientId, new ClientAccess(clientId, "tenant-a", Set.of(coach), false), version);
    }

    private static String client() {
        return "access-" + UUID.randomUUID();
    }
}
