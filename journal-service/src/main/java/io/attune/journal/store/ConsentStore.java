package io.attune.journal.store;

import java.time.Instant;
import java.util.Date;

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

    public Consent get(String clientId) {
        Document doc = collections.get(Collections.CONSENTS).find(Filters.eq("_id", clientId)).first();
        if (doc == null) {
            return Consent.none(clientId);
        }
        return new Consent(clientId, doc.getBoolean("shareTextWithCoach", false),
                MaterialDocuments.instant(doc, "updatedAt"));
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
