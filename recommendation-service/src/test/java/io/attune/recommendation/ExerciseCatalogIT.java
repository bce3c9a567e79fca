package io.attune.recommendation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.UUID;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog seeded from catalog/exercises-v1.json, and its admin API. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class ExerciseCatalogIT {

    @BeforeAll
    static void actAsTheTenantsAdmin() {
        TestAuth.actAs(TestTokens.admin(TestAuth.TENANT));
    }

    private static final String PROBLEM = "application/problem+json";
    private static final List<String> SEEDED = List.of("practice-mindfulness", "avoid-multitasking", "talk-less",
            "intend-engagement", "seek-therapy", "mirror-feelings", "validating-phrases", "ask-relevant-questions",
            "lead-on-statements", "label-to-observation", "emotion-vocabulary", "parenting-check-in");

    @Test
    void theTwelveExercisesOfTheGuideAreSeeded() {
        List<String> ids = given().get("/api/v1/admin/exercises").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        assertThat(ids).containsAll(SEEDED);
        given().get("/api/v1/admin/exercises/{id}", "seek-therapy").then().statusCode(200)
                .body("title", equalTo("Consider talking to a therapist"))
                .body("contexts", hasItems("self", "partner", "child"));
        given().get("/api/v1/admin/exercises/{id}", "talk-less").then().statusCode(200)
                .body("targetDimensions", equalTo(List.of("listening-balance")));
    }

    @Test
    void createReadUpdate() {
        String id = newId();
        given().contentType(ContentType.JSON).body(newExercise(id, "Breathe first")).post("/api/v1/admin/exercises")
                .then().statusCode(201).header("Location", endsWith("/api/v1/admin/exercises/" + id))
                .body("id", equalTo(id)).body("contraindications", equalTo(List.of()));
        given().get("/api/v1/admin/exercises/{id}", id).then().statusCode(200).body("title", equalTo("Breathe first"));

        given().contentType(ContentType.JSON).body(exercise("Breathe, then listen", 7))
                .put("/api/v1/admin/exercises/{id}", id).then().statusCode(200)
                .body("title", equalTo("Breathe, then listen")).body("durationMinutes", equalTo(7));
        given().get("/api/v1/admin/exercises/{id}", id).then().body("title", equalTo("Breathe, then listen"));
        given().get("/api/v1/admin/exercises").then().body("id", hasItem(id));
    }

    @Test
    void creatingAnExistingIdIsA409() {
        given().contentType(ContentType.JSON).body(newExercise("talk-less", "Talk even less"))
                .post("/api/v1/admin/exercises").then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409));
        given().get("/api/v1/admin/exercises/{id}", "talk-less").then().body("title",
                equalTo("Listen more than you speak"));
    }

    @Test
    void unknownExercisesAre404() {
        given().get("/api/v1/admin/exercises/{id}", "no-such-exercise").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
        given().contentType(ContentType.JSON).body(exercise("Anything", 5))
                .put("/api/v1/admin/exercises/{id}", "no-such-exercise").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void invalidExercisesAreRefusedNamingEachField() {
        String id = newId();
        given().contentType(ContentType.JSON).body("""
                {"id":"Not Kebab","exercise":{"title":" ","instructions":"Breathe.","durationMinutes":0,
                 "targetDimensions":["mindfulness"],"contexts":["self"],"source":"test"}}""")
                .post("/api/v1/admin/exercises").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("id", "exercise.title", "exercise.durationMinutes"));
        given().contentType(ContentType.JSON).body("""
                {"id":"%s","exercise":{"title":"Charm","instructions":"Smile.","durationMinutes":5,
                 "targetDimensions":["charisma"],"contexts":["office"],"source":"test"}}""".formatted(id))
                .post("/api/v1/admin/exercises").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("exercise.targetDimensions", "exercise.contexts"));
        given().get("/api/v1/admin/exercises/{id}", id).then().statusCode(404);

        given().contentType(ContentType.JSON).body("""
                {"title":"Listen","instructions":"","durationMinutes":500,"targetDimensions":["listening-balance"],
                 "contexts":[],"source":"test"}""")
                .put("/api/v1/admin/exercises/{id}", "talk-less").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("instructions", "durationMinutes", "contexts"));
        given().get("/api/v1/admin/exercises/{id}", "talk-less").then().body("durationMinutes", equalTo(10));
    }

    /** Targets no dimension, so the policy never picks it for other tests' clients. */
    private static String newExercise(String id, String title) {
        return "{\"id\":\"" + id + "\",\"exercise\":" + exercise(title, 5) + "}";
    }

    private static String exercise(String title, int minutes) {
        return """
                {"title":"%s","instructions":"Take three slow breaths. Then start the conversation.",
                 "durationMinutes":%d,"targetDimensions":[],"contexts":["self"],"source":"Attune tests"}"""
                .formatted(title, minutes);
    }

    private static String newId() {
        return "test-exercise-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
