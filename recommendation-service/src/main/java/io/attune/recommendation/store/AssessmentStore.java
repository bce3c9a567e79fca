package io.attune.recommendation.store;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/**
 * What the coach dashboard shows of one assessment: every evidence span per dimension (the profile keeps only
 * the strongest excerpt), the key moments and the safety level. One document per assessment, keyed by its id, so
 * a replayed score rewrites the same document. Evidence spans are the client's words: they are served only under
 * the consent rules of {@code AccessControl}.
 */
@ApplicationScoped
public class AssessmentStore {

    public record Span(int turn, int start, int end, String text, String signal, int effect) {
    }

    public record Dimension(String name, int score, List<Span> evidence) {
    }

    public record KeyMoment(int turn, String signal, int impact) {
    }

    public record Assessment(String id, String clientId, String kind, String context, String sourceId, int overall,
            String band, String safetyLevel, Instant scoredAt, List<Dimension> dimensions,
            List<KeyMoment> keyMoments) {
    }

    private final Collections collections;

    public AssessmentStore(Collections collections) {
        this.collections = collections;
    }

    public void save(Assessment a) {
        Document doc = new Document("_id", a.id())
                .append("clientId", a.clientId())
                .append("kind", a.kind())
                .append("context", a.context())
                .append("sourceId", a.sourceId())
                .append("overall", a.overall())
                .append("band", a.band())
                .append("safety", a.safetyLevel())
                .append("scoredAt", Date.from(a.scoredAt()))
                .append("dimensions", a.dimensions().stream().map(d -> new Document("name", d.name())
                        .append("score", d.score())
                        .append("evidence", d.evidence().stream().map(s -> new Document("turn", s.turn())
                                .append("start", s.start()).append("end", s.end()).append("text", s.text())
                                .append("signal", s.signal()).append("effect", s.effect())).toList()))
                        .toList())
                .append("keyMoments", a.keyMoments().stream().map(k -> new Document("turn", k.turn())
                        .append("signal", k.signal()).append("impact", k.impact())).toList());
        collections.get(Collections.ASSESSMENTS).replaceOne(Filters.eq("_id", a.id()), doc,
                new ReplaceOptions().upsert(true));
    }

    /** The client's assessment with this id; empty for another client's id, so ids cannot be probed across clients. */
    public Optional<Assessment> find(String clientId, String assessmentId) {
        return Optional.ofNullable(collections.get(Collections.ASSESSMENTS)
                .find(Filters.and(Filters.eq("_id", assessmentId), Filters.eq("clientId", clientId))).first())
                .map(AssessmentStore::assessment);
    }

    public long deleteClient(String clientId) {
        return collections.get(Collections.ASSESSMENTS).deleteMany(Filters.eq("clientId", clientId))
                .getDeletedCount();
    }

    private static Assessment assessment(Document doc) {
        List<Dimension> dimensions = doc.getList("dimensions", Document.class, List.of()).stream()
                .map(d -> new Dimension(d.getString("name"), d.getInteger("score"),
                        d.getList("evidence", Document.class, List.of()).stream()
                                .map(s -> new Span(s.getInteger("turn"), s.getInteger("start"), s.getInteger("end"),
                                        s.getString("text"), s.getString("signal"), s.getInteger("effect")))
                                .toList()))
                .toList();
        List<KeyMoment> moments = doc.getList("keyMoments", Document.class, List.of()).stream()
                .map(k -> new KeyMoment(k.getInteger("turn"), k.getString("signal"), k.getInteger("impact")))
                .toList();
        return new Assessment(doc.getString("_id"), doc.getString("clientId"), doc.getString("kind"),
                doc.getString("context"), doc.getString("sourceId"), doc.getInteger("overall"),
                doc.getString("band"), doc.getString("safety"), doc.getDate("scoredAt").toInstant(), dimensions,
                moments);
    }
}
