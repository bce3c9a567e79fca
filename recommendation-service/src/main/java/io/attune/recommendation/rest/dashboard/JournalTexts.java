package io.attune.recommendation.rest.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.attune.recommendation.config.DashboardConfig;
import io.quarkus.logging.Log;

/**
 * The client's full text of an assessed entry or conversation, from journal-service, which owns it. The request
 * carries the coach's own token, so journal-service decides (assignment, consent) and records the read in the
 * client's audit trail itself. Nothing of the answer is logged.
 */
@ApplicationScoped
public class JournalTexts {

    /** The ids journal-service gives its items. */
    private static final Pattern ITEM_ID = Pattern.compile("^[A-Za-z0-9._-]{1,128}$");
    public static final int JOURNAL_TEXT = -1;

    private final DashboardConfig config;
    private final ObjectMapper mapper;
    private final HttpClient client;

    public JournalTexts(DashboardConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder().connectTimeout(config.journalTimeout()).build();
    }

    /**
     * The texts by turn ({@value #JOURNAL_TEXT} for a journal entry); empty when journal-service is not
     * configured, does not answer in time, or does not serve them to this coach now.
     */
    public Optional<Map<Integer, String>> texts(String token, String clientId, String kind, String sourceId) {
        if (config.journalUrl().isEmpty() || sourceId == null || !ITEM_ID.matcher(sourceId).matches()) {
            return Optional.empty();
        }
        boolean journal = "journal".equals(kind);
        URI uri = config.journalUrl().get().resolve("/api/v1/clients/" + clientId
                + (journal ? "/journal-entries/" : "/conversations/") + sourceId);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.journalTimeout())
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                Log.debugf("journal-service answered %d for an assessed item", response.statusCode());
                return Optional.empty();
            }
            JsonNode item = mapper.readTree(response.body());
            Map<Integer, String> texts = new TreeMap<>();
            if (journal) {
                if (item.path("text").isTextual()) {
                    texts.put(JOURNAL_TEXT, item.path("text").asText());
                }
            } else {
                JsonNode turns = item.path("turns");
                for (int i = 0; i < turns.size(); i++) {
                    if (turns.get(i).path("text").isTextual()) {
                        texts.put(i, turns.get(i).path("text").asText());
                    }
                }
            }
            return texts.isEmpty() ? Optional.empty() : Optional.of(texts);
        } catch (IOException e) {
            Log.debugf("journal-service unavailable for the assessment view: %s", e.getClass().getName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
