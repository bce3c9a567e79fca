package io.attune.scoring.engine.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.Observation;

/**
 * Scoring reads only the tokens in the calibrated analyzer's vocabulary; training reads every token of a plain
 * analyzer. Both must give the same features, or the model would score differently from how it was trained.
 */
class FeaturizerParityTest {

    @Test
    void scoringSeesExactlyTheFeaturesTrainingSaw() throws Exception {
        CalibrationModel model = TrainedModel.get().load();
        AttunementAnalyzer plain = new AttunementAnalyzer();
        AttunementAnalyzer calibrated = new AttunementAnalyzer(model);
        List<LabelledSample> samples = LabelFile.read(TrainedModel.get().labels).samples();
        List<Observation> training = new ArrayList<>();
        for (LabelledSample s : samples) {
            training.add(s.kind().equals("journal") ? plain.observe(s.journal()) : plain.observe(s.conversation()));
        }
        int compared = 0;
        for (String kind : List.of("conversation", "journal")) {
            List<Observation> ofKind = training.stream().filter(o -> o.kind().equals(kind)).toList();
            Featurizer featurizer = Featurizer.fit(kind, ofKind, 2, 20_000);
            for (int i = 0; i < samples.size(); i++) {
                LabelledSample s = samples.get(i);
                if (!s.kind().equals(kind)) {
                    continue;
                }
                Observation scoring = s.kind().equals("journal") ? calibrated.observe(s.journal())
                    : calibrated.observe(s.conversation());
                assertThat(features(featurizer, scoring, true)).isEqualTo(features(featurizer, training.get(i), false));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(samples.size());
    }

    private static Map<Integer, Double> features(Featurizer featurizer, Observation o, boolean knownOnly) {
        FeatureVector v = new FeatureVector();
        featurizer.extract(o, v, true, knownOnly);
        Map<Integer, Double> out = new TreeMap<>();
        for (int s = 0; s < v.count; s++) {
            out.put(v.ids[s], v.values[s]);
        }
        return out;
    }
}
