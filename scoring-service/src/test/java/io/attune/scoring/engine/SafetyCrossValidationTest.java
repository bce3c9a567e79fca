package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the crisis screen does on a writer whose texts its learned tier was not trained on: leave one writer out.
 * For each of the writers who wrote a part of the corpus on their own (fifteen writers in many voices, and the
 * outside writer's reviewed half), the tier is trained on every other part, and that writer's items are screened
 * with it at the shipped thresholds, as the screen decides: an item is a crisis when the tier reads a crisis in one
 * person's words ({@link SafetyScreen#MODEL_CRISIS}), or confirms a crisis the grammar found there
 * ({@link SafetyScreen#MODEL_CONFIRM}). The figures are printed per writer and held to floors, so that a change to the
 * grammar, the features or the trainer that makes the screen worse on new writers fails the build. The floors are
 * what the screen did when the tier was built, rounded down; they are far from the 98% recall target
 * (docs/scoring.md).
 */
class SafetyCrossValidationTest {
    static final List<String> WRITERS = List.of("writer-a", "writer-b", "writer-c", "writer-d", "writer-e",
        "writer-f", "writer-g", "writer-h", "writer-i", "writer-j", "writer-k", "writer-l", "writer-m", "writer-n",
        "writer-o", "outside-review");
    private static final Set<String> DISTRESS_AND_HYPERBOLE = Set.of("distress", "hyperbole");

    /** Per writer: crisis items, those called crisis; distress and hyperbole items, those called crisis; others. */
    private static final Map<String, int[]> RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void crossValidate() {
        List<SafetyModelTrainer.Example> all = SafetyModelTrainer.examples(new AttunementAnalyzer());
        int[] total = new int[6];
        for (String writer : WRITERS) {
            List<SafetyModelTrainer.Example> train = new ArrayList<>();
            for (SafetyModelTrainer.Example e : all) {
                if (!e.part().equals(writer)) {
                    train.add(e);
                }
            }
            SafetyModel model = SafetyModel.parse(SafetyModelTrainer.train(train, "all but " + writer));
            Map<String, Boolean> called = new LinkedHashMap<>();
            Map<String, SafetyModelTrainer.Example> items = new LinkedHashMap<>();
            for (SafetyModelTrainer.Example e : all) {
                if (e.part().equals(writer)) {
                    SafetyModel.Reading r = model.read(e.hashed());
                    boolean grammarCrisis = e.features().contains("g:crisis");
                    called.merge(e.item(), r != null && (r.crisis() >= SafetyScreen.MODEL_CRISIS
                        || grammarCrisis && r.crisis() >= SafetyScreen.MODEL_CONFIRM), Boolean::logicalOr);
                    items.putIfAbsent(e.item(), e);
                }
            }
            int[] x = new int[6];
            for (Map.Entry<String, SafetyModelTrainer.Example> e : items.entrySet()) {
                boolean crisis = called.get(e.getKey());
                int row = "crisis".equals(e.getValue().level()) ? 0
                    : DISTRESS_AND_HYPERBOLE.contains(e.getValue().category()) ? 2 : 4;
                x[row]++;
                x[row + 1] += crisis ? 1 : 0;
            }
            RESULTS.put(writer, x);
            for (int k = 0; k < 6; k++) {
                total[k] += x[k];
            }
        }
        RESULTS.put("all", total);
        StringBuilder out = new StringBuilder("\nLeave one writer out, crisis at p >= " + SafetyScreen.MODEL_CRISIS
            + " (a grammar finding at p >= " + SafetyScreen.MODEL_CONFIRM + ")\n");
        RESULTS.forEach((writer, x) -> out.append(String.format(java.util.Locale.ROOT,
            "%-16s crisis recall %5.1f%% (%d/%d)  false crisis: distress+hyperbole %4.1f%% (%d/%d), other %4.1f%% "
                + "(%d/%d)%n", writer, pct(x[1], x[0]), x[1], x[0], pct(x[3], x[2]), x[3], x[2], pct(x[5], x[4]),
            x[5], x[4])));
        System.out.print(out);
    }

    @Test
    void recallOnWritersTheTierWasNotTrainedOnHoldsItsFloor() {
        // 80.9% when the tier was built; the weakest writer (terse texts) 66.2%
        assertThat(rate(RESULTS.get("all"), 0)).isGreaterThanOrEqualTo(0.80);
        for (String writer : WRITERS) {
            assertThat(rate(RESULTS.get(writer), 0)).as(writer).isGreaterThanOrEqualTo(0.65);
        }
    }

    @Test
    void falseCrisesStayUnderTheirCeilings() {
        // 4.9% when the tier was built: over the 3% target on new writers (docs/scoring.md)
        assertThat(rate(RESULTS.get("all"), 2)).as("distress and hyperbole").isLessThanOrEqualTo(0.05);
        // historical, negated, media and ordinary items (8.2%)
        assertThat(rate(RESULTS.get("all"), 4)).as("other hard negatives").isLessThanOrEqualTo(0.09);
    }

    private static double rate(int[] x, int row) {
        return x[row] == 0 ? 0 : (double) x[row + 1] / x[row];
    }

    private static double pct(int n, int of) {
        return of == 0 ? 0 : 100.0 * n / of;
    }
}
