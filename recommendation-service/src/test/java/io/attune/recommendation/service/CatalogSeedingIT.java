package io.attune.recommendation.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.attune.recommendation.policy.Exercise;
import io.attune.recommendation.store.ExerciseStore;
import io.attune.recommendation.store.ExerciseStore.SeedOutcome;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seeding at start-up is idempotent: a second start changes nothing and keeps what admins changed. */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
class CatalogSeedingIT {

    @BeforeAll
    static void actAsTheTenantsAdmin() {
        TestAuth.actAs(TestTokens.admin(TestAuth.TENANT));
    }

    @Inject
    CatalogSeeder seeder;

    @Inject
    ExerciseStore exercises;

    @Test
    void seedingAgainChangesNothing() {
        String id = "test-exercise-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body("""
                {"id":"%s","exercise":{"title":"Pause","instructions":"Pause once. Then answer.",
                 "durationMinutes":2,"targetDimensions":[],"contexts":["self"],"source":"Attune tests"}}"""
                .formatted(id)).post("/api/v1/admin/exercises").then().statusCode(201);
        String before = given().get("/api/v1/admin/exercises").then().statusCode(200).extract().asString();

        seeder.onStart(new StartupEvent());
        seeder.onStart(new StartupEvent());

        assertThat(given().get("/api/v1/admin/exercises").then().extract().asString()).isEqualTo(before);
        given().get("/api/v1/admin/exercises/{id}", id).then().body("title", equalTo("Pause"));
    }

    @Test
    void aNewerCatalogVersionUpgradesUneditedExercisesButNotAdminEdits() {
        Instant now = Instant.now();
        Exercise v1 = exercise("test-seeded-" + UUID.randomUUID().toString().substring(0, 8), "Version one");
        assertThat(exercises.seed(v1, 1, now)).isEqualTo(SeedOutcome.INSERTED);
        assertThat(exercises.seed(v1, 1, now)).isEqualTo(SeedOutcome.KEPT);
        assertThat(exercises.seed(exercise(v1.id(), "Version two"), 2, now)).isEqualTo(SeedOutcome.UPGRADED);
        assertThat(exercises.find(v1.id())).get().extracting(Exercise::title).isEqualTo("Version two");

        assertThat(exercises.update(exercise(v1.id(), "Edited by an admin"), now)).isTrue();
        assertThat(exercises.seed(exercise(v1.id(), "Version three"), 3, now)).isEqualTo(SeedOutcome.KEPT);
        assertThat(exercises.find(v1.id())).get().extracting(Exercise::title).isEqualTo("Edited by an admin");
    }

    private static Exercise exercise(String id, String title) {
        return new Exercise(id, title, "Pause once. Then answer.", 2, List.of(), List.of("self"), List.of(),
                "Attune tests");
    }
}
