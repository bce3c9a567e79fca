package io.attune.scoring.engine.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.attune.scoring.engine.Assessment;
import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.Calibration;
import io.attune.scoring.engine.ConversationSample;
import io.attune.scoring.engine.DimensionScore;
import io.attune.scoring.engine.Evidence;
import io.attune.scoring.engine.Turn;

/** No number without a reason: a calibrated score is its baseline plus the listed contributions, exactly. */
class CalibratedEvidenceTest {
    /** Summing the same doubles in another order may differ in the last bits; nothing more. */
    static final double SUM_TOLERANCE = 1e-9;

    private final AttunementAnalyzer analyzer = new AttunementAnalyzer(TrainedModel.get().load());

    @Test
    void everyCalibratedScoreIsItsBaselinePlusItsContributions() throws Exception {
        List<LabelledSample> samples = LabelFile.read(TrainedModel.get().labels).samples();
        int checked = 0;
        for (LabelledSample s : samples) {
            Assessment a = CalibrationRoundTripTest.analyze(analyzer, s);
            List<String> texts = s.kind().equals("journal") ? List.of(s.journal().text())
                : s.conversation().turns().stream().map(Turn::text).toList();
            for (DimensionScore d : a.dimensions()) {
                if (d.calibration() != null) {
                    checkIdentity(d.calibration(), d.score(), d.evidence(), texts);
                    checked++;
                }
            }
            checkIdentity(a.overallCalibration(), a.overallScore(), a.overallEvidence(), texts);
        }
        assertThat(checked).isGreaterThan(4000);
    }

    private static void checkIdentity(Calibration c, int score, List<Evidence> evidence, List<String> texts) {
        double sum = c.baseline();
        for (Evidence e : evidence) {
            assertThat(e.contribution()).isNotNull();
            sum += e.contribution();
            assertThat(e.effect()).isEqualTo((int) Math.round(25 * e.contribution()));
            if (!e.signal().equals(CalibrationModel.OTHER)) {
                String text = texts.get(e.turn() < 0 ? 0 : e.turn());
                assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
                assertThat(e.text()).isNotBlank();
            }
        }
        assertThat(sum).isCloseTo(c.logit(), within(SUM_TOLERANCE));
        assertThat(score).isEqualTo((int) Math.round(100 / (1 + Math.exp(-c.logit()))));
        assertThat(evidence).hasSizeLessThanOrEqualTo(CalibrationModel.MAX_EVIDENCE + 1);
        List<Double> magnitudes = new ArrayList<>();
        for (Evidence e : evidence) {
            if (!e.signal().equals(CalibrationModel.OTHER)) {
                magnitudes.add(-Math.abs(e.contribution()));
            }
        }
        assertThat(magnitudes).isSorted();
        if (!evidence.isEmpty() && evidence.stream().anyMatch(e -> e.signal().equals(CalibrationModel.OTHER))) {
            assertThat(evidence.get(evidence.size() - 1).signal()).isEqualTo(CalibrationModel.OTHER);
        }
    }

    @Test
    void aQuestionIsEvidenceOfInquiryOnItsOwnSpan() {
        String reply = "That sounds really hard. What happened after that?";
        Assessment a = analyzer.analyze(new ConversationSample("friend", "Kim", List.of(
            new Turn("Ann", "My landlord just told me I have to move out by next month."),
            new Turn("Kim", reply)), "en"));
        DimensionScore inquiry = a.dimensions().stream().filter(d -> d.name().equals("inquiry")).findFirst()
            .orElseThrow();
        assertThat(inquiry.score()).isGreaterThan(70);
        Evidence top = inquiry.evidence().get(0);
        assertThat(top.contribution()).isPositive();
        assertThat(top.turn()).isEqualTo(1);
        assertThat(reply.substring(top.start(), top.end())).isEqualTo(top.text());
        assertThat(reply.indexOf("What happened after that?")).isLessThanOrEqualTo(top.start());
    }

    @Test
    void labelledDimensionsAreCalibratedAndTheSafetyScreenIsUntouched() {
        ConversationSample sample = new ConversationSample("friend", "Kim", List.of(
            new Turn("Ann", "My landlord just told me I have to move out by next month."),
            new Turn("Kim", "Oh no. Where will you go?")), "en");
        AttunementAnalyzer lexical = new AttunementAnalyzer();
        Assessment a = analyzer.analyze(sample);
        Assessment b = lexical.analyze(sample);
        assertThat(a.safety()).isEqualTo(b.safety());
        assertThat(a.dimensions()).allSatisfy(d -> assertThat(d.calibration()).isNotNull());
        assertThat(b.dimensions()).allSatisfy(d -> assertThat(d.calibration()).isNull());
    }
}
