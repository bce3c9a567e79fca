package io.attune.journal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET one and GET list: what was stored comes back, newest first, paged by cursor and filtered by time. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ReadApiIT {

    @BeforeAll
    static void actAsTheTenantsApp() {
        TestAuth.actAsApp();
    }

    private static final Instant BASE = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void entryReadsBackWithDefaultsAndEverySubmittedField() {
        String clientId = Api.newClientId("read");
        String id = Api.accept(Api.ENTRIES, clientId, """
                {"text":"Felt resentful when the deadline moved.","emotions":[{"label":"resentful","intensity":6}],
                 "context":"colleague","occurredAt":"2025-03-14T18:30:00+01:00","locale":"en-GB"}""");
        String minimal = Api.accept(Api.ENTRIES, clientId, Api.entry("just text"));

        given().get(Api.ENTRIES + "/{id}", clientId, id).then().statusCode(200)
                .body("id", equalTo(id)).body("clientId", equalTo(clientId))
                .body("text", equalTo("Felt resentful when the deadline moved."))
                .body("emotions[0].label", equalTo("resentful")).body("emotions[0].intensity", equalTo(6))
                .body("context", equalTo("colleague")).body("locale", equalTo("en-GB"))
                .body("occurredAt", equalTo("2025-03-14T17:30:00Z"));
        JsonPath defaults = given().get(Api.ENTRIES + "/{id}", clientId, minimal).then().statusCode(200).extract().jsonPath();
        assertThat(defaults.getString("context")).isEqualTo("self");
        assertThat(defaults.getString("locale")).isEqualTo("en");
        assertThat(defaults.getList("emotions")).isEmpty();
        assertThat(defaults.getString("occurredAt")).isEqualTo(defaults.getString("recordedAt"));
    }

    @Test
    void conversationReadsBack() {
        String clientId = Api.newClientId("read");
        String id = Api.accept(Api.CONVERSATIONS, clientId, Api.conversation("That's not right!"));

        given().get(Api.CONVERSATIONS + "/{id}", clientId, id).then().statusCode(200)
                .body("relationship", equalTo("partner")).body("clientSpeaker", equalTo("Steve"))
                .body("turns.size()", equalTo(2)).body("turns[1].text", equalTo("That's not right!"));
    }

    @Test
    void anotherClientsItemOrAnUnknownIdIsA404() {
        String owner = Api.newClientId("owner");
        String entry = Api.accept(Api.ENTRIES, owner, Api.entry("mine"));
        String sample = Api.accept(Api.CONVERSATIONS, owner, Api.conversation("mine"));
        String stranger = Api.newClientId("stranger");

        given().get(Api.ENTRIES + "/{id}", stranger, entry).then().statusCode(404).contentType("application/problem+json");
        given().get(Api.CONVERSATIONS + "/{id}", stranger, sample).then().statusCode(404);
        // An entry id is not a conversation id.
        given().get(Api.CONVERSATIONS + "/{id}", owner, entry).then().statusCode(404);
        given().get(Api.ENTRIES + "/{id}", owner, "no-such-id").then().statusCode(404);
        // A client nobody ever wrote for is unknown, like a client of another tenant.
        given().get(Api.ENTRIES, stranger).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void cursorPagingReturnsEveryItemOnceNewestFirst() {
        String clientId = Api.newClientId("paging");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Two items share each timestamp, so the id has to break ties.
            expected.add(0, Api.accept(Api.ENTRIES, clientId, entryAt("e" + i, BASE.plus(i / 2, ChronoUnit.HOURS))));
        }

        List<String> seen = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(Api.ENTRIES, clientId).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(3);
            seen.addAll(page.getList("items.id", String.class));
            page.getList("items.occurredAt", String.class).forEach(t -> times.add(Instant.parse(t)));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void timeRangeIsFromInclusiveToExclusive() {
        String clientId = Api.newClientId("range");
        String before = Api.accept(Api.CONVERSATIONS, clientId, conversationAt(BASE.minusSeconds(1)));
        String atFrom = Api.accept(Api.CONVERSATIONS, clientId, conversationAt(BASE));
        String inside = Api.accept(Api.CONVERSATIONS, clientId, conversationAt(BASE.plusSeconds(3600)));
        String atTo = Api.accept(Api.CONVERSATIONS, clientId, conversationAt(BASE.plusSeconds(7200)));

        List<String> ids = given().queryParam("from", BASE.toString()).queryParam("to", BASE.plusSeconds(7200).toString())
                .get(Api.CONVERSATIONS, clientId).then().statusCode(200).extract().jsonPath().getList("items.id", String.class);

        assertThat(ids).containsExactly(inside, atFrom).doesNotContain(before, atTo);
        assertThat(given().queryParam("from", "2025-06-01T14:00:00+02:00").get(Api.CONVERSATIONS, clientId)
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class))
                .containsExactly(atTo, inside, atFrom);
    }

    private static String entryAt(String text, Instant at) {
        return "{\"text\":\"" + text + "\",\"occurredAt\":\"" + at + "\"}";
    }

    private static String conversationAt(Instant at) {
        return Api.conversation("ok").replaceFirst("\\{", "{\"occurredAt\":\"" + at + "\",");
    }
}
