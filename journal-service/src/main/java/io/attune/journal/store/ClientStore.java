package io.attune.journal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.attune.chassis.security.ClientAccess;
import io.attune.journal.Consent;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Who may see a client: their tenant, their coaches and their consent, one document per client in
 * {@code clients}. journal-service is where these facts are decided; every change bumps {@code accessSeq} and
 * marks the document {@code accessPending} in the same single-document update, and the outbox relay then
 * publishes the new state on {@code client-access} for the other services.
 */
@ApplicationScoped
public class ClientStore {

    /** A change of a client's access that the relay has yet to publish. */
    public record PendingAccess(ClientAccess access, long seq) {
    }

    /** One row of a coach's roster. */
    public record RosterEntry(String clientId, boolean shareTextWithCoach) {
    }

    private final Collections collections;
    private final Sequence sequence;

    public ClientStore(Collections collections, Sequence sequence) {
        this.collections = collections;
        this.sequence = sequence;
    }

    public Optional<ClientAccess> find(String clientId) {
        return Optional.ofNullable(collections.get(Collections.CLIENTS).find(Filters.eq("_id", clientId)).first())
                .map(ClientStore::access);
    }

    /**
     * Makes the client known as a client of {@code tenant}, unless they are known already, and returns what is
     * known. The caller checks the tenant of the answer: a client of another tenant is never taken over.
     */
    public ClientAccess register(String clientId, String tenant) {
        Optional<ClientAccess> known = find(clientId);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            Document doc = collections.get(Collections.CLIENTS).findOneAndUpdate(Filters.eq("_id", clientId),
                    Updates.combine(Updates.setOnInsert("tenant", tenant),
                            Updates.setOnInsert("coaches", List.of()),
                            Updates.setOnInsert("accessSeq", sequence.next(Sequence.OUTBOX)),
                            Updates.setOnInsert("accessPending", true)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return access(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Registered concurrently by another request: theirs stands.
            return find(clientId).orElseThrow(() -> e);
        }
    }

    /** Empty when the client never recorded a consent, or was erased. */
    public Optional<Consent> consent(String clientId) {
        Document doc = collections.get(Collections.CLIENTS).find(Filters.and(Filters.eq("_id", clientId),
                Filters.exists("consentUpdatedAt"))).first();
        return Optional.ofNullable(doc).map(found -> new Consent(clientId,
                found.getBoolean("shareTextWithCoach", false), MaterialDocuments.instant(found, "consentUpdatedAt")));
    }

    public Consent setConsent(String clientId, boolean shareTextWithCoach, Instant now) {
        change(clientId, Updates.combine(Updates.set("shareTextWithCoach", shareTextWithCoach),
                Updates.set("consentUpdatedAt", Date.from(now))));
        return new Consent(clientId, shareTextWithCoach, now);
    }

    public void assign(String clientId, String coachId) {
        change(clientId, Updates.addToSet("coaches", coachId));
    }

    public void unassign(String clientId, String coachId) {
        change(clientId, Updates.pull("coaches", coachId));
    }

    /** The clients of {@code tenant} assigned to {@code coachId}, by client id. */
    public List<RosterEntry> roster(String tenant, String coachId) {
        List<RosterEntry> roster = new ArrayList<>();
        collections.get(Collections.CLIENTS)
                .find(Filters.and(Filters.eq("coaches", coachId), Filters.eq("tenant", tenant)))
                .sort(Sorts.ascending("_id"))
                .forEach(doc -> roster.add(new RosterEntry(doc.getString("_id"),
                        doc.getBoolean("shareTextWithCoach", false))));
        return roster;
    }

    public List<PendingAccess> pendingAccess(int limit) {
        List<PendingAccess> pending = new ArrayList<>();
        collections.get(Collections.CLIENTS).find(Filters.eq("accessPending", true))
                .sort(Sorts.ascending("accessSeq"))
                .limit(limit)
                .forEach(doc -> pending.add(new PendingAccess(access(doc), doc.getLong("accessSeq"))));
        return pending;
    }

    public long countPendingAccess() {
        return collections.get(Collections.CLIENTS).countDocuments(Filters.eq("accessPending", true));
    }

    /** Clears the pending mark, unless the client changed again meanwhile (then the newer state goes out next). */
    public void accessPublished(String clientId, long seq) {
        collections.get(Collections.CLIENTS).updateOne(
                Filters.and(Filters.eq("_id", clientId), Filters.eq("accessSeq", seq)),
                Updates.unset("accessPending"));
    }

    public void delete(String clientId) {
        collections.get(Collections.CLIENTS).deleteOne(Filters.eq("_id", clientId));
    }

    private void change(String clientId, Bson update) {
        collections.get(Collections.CLIENTS).updateOne(Filters.eq("_id", clientId), Updates.combine(update,
                Updates.set("accessSeq", sequence.next(Sequence.OUTBOX)), Updates.set("accessPending", true)));
    }

    private static ClientAccess access(Document doc) {
        return new ClientAccess(doc.getString("_id"), doc.getString("tenant"),
                Set.copyOf(doc.getList("coaches", String.class, List.of())),
                doc.getBoolean("shareTextWithCoach", false));
    }
}
