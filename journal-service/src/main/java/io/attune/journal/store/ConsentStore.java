package io.attune.journal.store;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.attune.journal.Consent;
import org.bson.Document;

@ApplicationScoped
public class ConsentStore {

    private final Collections collections;

    public ConsentStore(Collections collections) {
        this.collections = collections;
    }

    /** Empty when the client never recorded a consent, or was erased. */
    public Optional<Consent> get(String clientId) {
        Document doc = collections.get(Collections.CONSENTS).find(Filters.eq("_id", clientId)).first();
        return Optional.ofNullable(doc).map(found -> new Consent(clientId,
                found.getBoolean("shareTextWithCoach", false), MaterialDocuments.instant(found, "updatedAt")));
    }

    public Consent put(String clientId, boolean shareTextWithCoach, Instant now) {
        collections.get(Collections.CONSENTS).replaceOne(Filters.eq("_id", clientId),
                new Document("_id", clientId)
                        .append("shareTextWithCoach", shareTextWithCoach)
                        .append("updatedAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
        return new Consent(clientId, shareTextWithCoach, now);
    }

    public void delete(String clientId) {
        collections.get(Collections.CONSENTS).deleteOne(Filters.eq("_id", clientId));
    }
}
