package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafetyScreenTest {
    private final AttunementAnalyzer analyzer = new AttunementAnalyzer();

    private Safety journal(String text) {
        return analyzer.analyze(new JournalEntry(text, List.of(), null, "en")).safety();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I don't want to be here anymore.",
        "Everyone would be better off without me.",
        "I've been thinking about ending it.",
        "I'm not going to kill myself but I keep thinking about dying.",
        "I want to kill myself.",
        "I wish I was dead.",
        "I'm going to hurt him.",
        "He hits me when he's drunk.",
        "My dad hurts me.",
        "She leaves the baby alone for days.",
        "I cut myself again last night.",
        "There's no point in living anymore.",
        // paraphrases found by probing after the corpus was frozen; they failed before safety.txt grew
        "I just want to sleep forever.",
        "I am going to end my suffering tonight.",
        "Im gonna kms",
        "My stepdad comes into my room at night and touches me.",
        "He said he would kill me if I told anyone.",
        "Sometimes I think about jumping in front of a train.",
        "I wish I could just not exist.",
        "I want to disappear and never come back.",
    })
    void crisisLanguageIsCrisis(String text) {
        assertThat(journal(text).level()).as(text).isEqualTo(SafetyLevel.CRISIS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "This deadline is killing me.",
        "I could kill for a coffee.",
        "My feet are killing me.",
        "I'm dying to see that movie.",
        "We killed it at the show tonight.",
        "I nearly died of embarrassment.",
        "I'm thinking about ending it with my gym.",
        "We did a suicide prevention training at work.",
        "My mom will kill me if I fail this test.",
        "This traffic is killing me, I could scream.",
        "I killed it at the gym today.",
    })
    void hyperboleIsNotCrisis(String text) {
        assertThat(journal(text).level()).as(text).isNotEqualTo(SafetyLevel.CRISIS);
    }

    @Test
    void negatedIdeationStillRaisesConcern() {
        Safety s = journal("I would never kill myself.");
        assertThat(s.level()).isEqualTo(SafetyLevel.CONCERN);
        assertThat(s.categories()).containsExactly("suicidal-ideation");
    }

    @Test
    void categoriesAreReportedInAFixedOrder() {
        Safety s = journal("He hits me and sometimes I want to die.");
        assertThat(s.level()).isEqualTo(SafetyLevel.CRISIS);
        assertThat(s.categories()).containsExactly("suicidal-ideation", "domestic-abuse");
    }

    @Test
    void methodDetailsAreNeverEchoed() {
        Safety s = journal("I've been saving up pills for when it gets too much.");
        assertThat(s.level()).isEqualTo(SafetyLevel.CRISIS);
        assertThat(s.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.text()).isEqualTo("[redacted]"));
    }

    @Test
    void bothSpeakersAreScreened() {
        Assessment a = analyzer.analyze(new ConversationSample("friend", "Sam", List.of(
            new Turn("Jo", "Rough week."),
            new Turn("Sam", "Honestly I don't want to be alive anymore.")), "en"));
        assertThat(a.safety().level()).isEqualTo(SafetyLevel.CRISIS);
        assertThat(a.safety().evidence()).extracting(SafetyEvidence::turn).containsOnly(1);
    }

    @Test
    void aChildReportingViolenceAtHomeIsAChildAtRisk() {
        Assessment a = analyzer.analyze(new ConversationSample("child", "Mum", List.of(
            new Turn("Leo", "He hits me when you're at work."),
            new Turn("Mum", "Oh Leo, thank you for telling me.")), "en"));
        assertThat(a.safety().categories()).contains("child-at-risk");
    }

    @Test
    void emotionTagsAreScreenedToo() {
        Safety s = analyzer.analyze(new JournalEntry("Long day.", List.of(new EmotionTag("suicidal", 9)), null, "en"))
            .safety();
        assertThat(s.level()).isEqualTo(SafetyLevel.CRISIS);
        assertThat(s.evidence()).extracting(SafetyEvidence::turn).containsOnly(Evidence.EMOTION_TAG);
    }
}
