package io.attune.scoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SafetyScreenTest {
    private static final AttunementAnalyzer analyzer = new AttunementAnalyzer();

    private static Safety journal(String text) {
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

    /** The misses reported in issue 8, and the forms the issue asks for by name. */
    @ParameterizedTest
    @ValueSource(strings = {
        "I honestly can't see the point of living anymore.",
        "I've started cutting again, it's the only thing that helps.",
        "Work again, then the bus, then nothing. hopeless\u2026 just want to disappear",
        "I just want to disappear.",
        "Everyone would be better off without me.",
        "I can't go on.",
        "There's no point living.",
        "He hits me.",
        "I'm scared to go home.",
        "I'm going to hurt him when he gets back, I've thought it through.",
        "My stepdad beats my little brother.",
    })
    void theIssuesExamplesAreCrisis(String text) {
        assertThat(journal(text).level()).as(text).isEqualTo(SafetyLevel.CRISIS);
    }

    /** Texting spellings, typos and third-person reports reach the same patterns. */
    @ParameterizedTest
    @ValueSource(strings = {
        "i wanna kil my self",
        "honestly im so suicidle rn",
        "i want to dissapear and never come back",
        "everyone wud be better off w/o me",
        "she said she wants to kill herself",
        "My brother keeps talking about ending his life.",
        "my friend is cutting again and made me promise not to tell",
        "her boyfriend chokes her when he's drunk",
        "tbh i dont even want to live",
    })
    void misspellingsSlangAndThirdPersonAreCrisis(String text) {
        assertThat(journal(text).level()).as(text).isEqualTo(SafetyLevel.CRISIS);
    }

    /** Negated, historical and reported-on-the-news risk is seen, but it is not a crisis now. */
    @ParameterizedTest
    @ValueSource(strings = {
        "I used to self-harm years ago, I'm doing well now.",
        "When I was a teenager I wanted to die. I'm grateful I'm still here.",
        "I'm not suicidal, just exhausted.",
        "I would never hurt myself.",
        "My uncle took his own life three years ago and I still miss him.",
        "I feel hopeless.",
        "I'm exhausted and overwhelmed.",
    })
    void distressNegationAndHistoryAreAConcern(String text) {
        assertThat(journal(text).level()).as(text).isEqualTo(SafetyLevel.CONCERN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I could murder a pizza.",
        "This cake is so good I want to die.",
        "That's the hill I'd die on.",
        "Watched the film where he kills himself at the end.",
        "The news said a man stabbed his neighbour.",
        "I'm going to kill my brother if he eats my leftovers again lol",
        "My mum will kill me if I'm late again.",
        "I cut my finger chopping onions.",
        "We're cutting costs this quarter.",
        "It hit me today how much I've grown.",
    })
    void hyperboleMediaAndEverydayWordsAreNotCrisis(String text) {
        assertThat(journal(text).level()).as(text).isNotEqualTo(SafetyLevel.CRISIS);
    }

    @Test
    void aCrisisSaidByTheOtherPersonIsReportedWithTheirName() {
        Assessment a = analyzer.analyze(new ConversationSample("partner", "Alex", List.of(
            new Turn("Alex", "How was your day?"),
            new Turn("Sam", "I honestly can't see the point of living anymore."),
            new Turn("Alex", "What do you mean?")), "en"));
        assertThat(a.safety().level()).isEqualTo(SafetyLevel.CRISIS);
        assertThat(a.safety().evidence()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.turn()).isEqualTo(1);
            assertThat(e.speaker()).isEqualTo("Sam");
            assertThat(e.client()).isFalse();
            assertThat(e.text()).isEqualTo("can't see the point of living");
        });
    }

    @Test
    void eachSpanNamesItsOwnSpeaker() {
        Assessment a = analyzer.analyze(new ConversationSample("friend", "Priya", List.of(
            new Turn("Jen", "He hit me again last night."),
            new Turn("Priya", "Oh Jen. Honestly, some days I want to die too.")), "en"));
        assertThat(a.safety().evidence()).extracting(SafetyEvidence::speaker, SafetyEvidence::client,
            SafetyEvidence::signal).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Jen", false, "domestic-abuse"),
                org.assertj.core.groups.Tuple.tuple("Priya", true, "suicidal-ideation"));
    }

    @Test
    void aQuestionAboutRiskIsNotADisclosure() {
        Assessment a = analyzer.analyze(new ConversationSample("coachee", "Client", List.of(
            new Turn("Coach", "Do you ever have thoughts of suicide?"),
            new Turn("Client", "No. I just feel stuck.")), "en"));
        assertThat(a.safety().level()).isEqualTo(SafetyLevel.CONCERN);
        assertThat(a.safety().evidence()).extracting(SafetyEvidence::speaker).containsOnly("Coach");
    }

    @Test
    void journalSpansHaveNoSpeakerAndAreTheClients() {
        Safety s = journal("I want to die.");
        assertThat(s.evidence()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.speaker()).isNull();
            assertThat(e.client()).isTrue();
        });
    }

    @Test
    void evidenceQuotesTheSpanEvenWhenAGapWasSkipped() {
        String text = "Honestly I keep thinking everyone would be so much better off without me.";
        Safety s = journal(text);
        assertThat(s.level()).isEqualTo(SafetyLevel.CRISIS);
        assertThat(s.evidence()).allSatisfy(e -> assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text()));
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
