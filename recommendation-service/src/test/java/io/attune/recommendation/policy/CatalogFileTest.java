package io.attune.recommendation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogFileTest {

    static final Set<String> IDS = Set.of(
            "practice-mindfulness", "avoid-multitasking", "talk-less", "intend-engagement", "seek-therapy",
            "mirror-feelings", "validating-phrases", "ask-relevant-questions", "lead-on-statements",
            "label-to-observation", "emotion-vocabulary", "parenting-check-in");
    static final Set<String> DIMENSIONS = Set.of(
            "acknowledgement", "mirroring", "inquiry", "exploration", "presence", "listening-balance",
            "emotional-awareness", "trigger-insight", "self-compassion", "acceptance", "mindfulness", "focus");
    static final Set<String> CONTEXTS = Set.of("partner", "child", "friend", "colleague", "coachee", "self", "other");
    static final String SOURCE = "Emotional Attunement – A Comprehensive Guide (2024), Bijan Kholghi";

    /** A sentence ends at . ! or ? followed by the end or by a space and a capital letter. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[A-Z]|\\s*$)");

    private final List<Exercise> catalog = CatalogFixture.exercises();
    private final Map<String, Exercise> byId =
            catalog.stream().collect(Collectors.toMap(Exercise::id, Function.identity()));

    @Test
    void isVersionOneWithExactlyTheTwelveExercises() {
        assertThat(CatalogFixture.file().version()).isEqualTo(1);
        assertThat(catalog).extracting(Exercise::id).doesNotHaveDuplicates().hasSize(12);
        assertThat(byId.keySet()).isEqualTo(IDS);
    }

    @Test
    void usesOnlyKnownDimensionsAndContexts() {
        for (Exercise exercise : catalog) {
            assertThat(exercise.targetDimensions()).as(exercise.id()).isSubsetOf(DIMENSIONS).doesNotHaveDuplicates();
            assertThat(exercise.contexts()).as(exercise.id()).isSubsetOf(CONTEXTS).doesNotHaveDuplicates()
                    .isNotEmpty();
        }
    }

    @Test
    void everyDimensionHasAnOrdinaryExercise() {
        Set<String> covered = catalog.stream()
                .filter(e -> !e.id().equals(ExerciseIds.SEEK_THERAPY))
                .flatMap(e -> e.targetDimensions().stream())
                .collect(Collectors.toSet());
        assertThat(covered).isEqualTo(DIMENSIONS);
    }

    @Test
    void everyEntryIsCompleteAndCitesTheGuide() {
        for (Exercise exercise : catalog) {
            assertThat(exercise.title()).as(exercise.id()).isNotBlank();
            assertThat(exercise.durationMinutes()).as(exercise.id()).isBetween(1, 60);
            assertThat(exercise.source()).as(exercise.id()).isEqualTo(SOURCE);
            assertThat(exercise.contraindications()).as(exercise.id()).allSatisfy(c -> assertThat(c).isNotBlank());
        }
    }

    @Test
    void instructionsHaveTwoToFiveSentencesAndNeverDiagnose() {
        for (Exercise exercise : catalog) {
            long sentences = SENTENCE_END.matcher(exercise.instructions()).results().count();
            assertThat(sentences).as(exercise.id() + ": " + exercise.instructions()).isBetween(2L, 5L);
            assertThat(exercise.instructions().toLowerCase())
                    .as(exercise.id())
                    .doesNotContain("diagnos", "disorder", "depression", "you have ", "you are suffering");
        }
    }

    @Test
    void seekTherapySuitsEveryContextAndSuggestsALicensedTherapist() {
        Exercise seekTherapy = byId.get(ExerciseIds.SEEK_THERAPY);
        assertThat(seekTherapy.instructions()).containsIgnoringCase("consider talking to a licensed therapist");
        assertThat(seekTherapy.contexts()).containsExactlyInAnyOrderElementsOf(CONTEXTS);
        assertThat(seekTherapy.targetDimensions()).isEmpty();
    }

    @Test
    void carriesTheDocumentedMapping() {
        assertThat(byId.get("parenting-check-in").contexts()).containsExactly("child");
        assertThat(byId.get("parenting-check-in").targetDimensions())
                .containsExactlyInAnyOrder("acknowledgement", "presence", "inquiry");
        assertThat(byId.get("practice-mindfulness").contraindications())
                .contains("acute crisis: use seek-therapy first");
        assertThat(byId.get("validating-phrases").targetDimensions()).containsExactly("acknowledgement");
        assertThat(byId.get("mirror-feelings").targetDimensions()).contains("mirroring", "acknowledgement");
        assertThat(byId.get("lead-on-statements").targetDimensions()).containsExactly("exploration");
        assertThat(byId.get("talk-less").targetDimensions()).containsExactly("listening-balance");
        assertThat(byId.get("avoid-multitasking").targetDimensions()).contains("presence", "focus");
        assertThat(byId.get("label-to-observation").targetDimensions()).contains("self-compassion");
        assertThat(byId.get("emotion-vocabulary").targetDimensions()).contains("emotional-awareness");
    }
}
