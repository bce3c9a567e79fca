package io.attune.scoring.engine;

import static io.attune.scoring.engine.CanonicalExampleTest.dimension;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviours the uncalibrated engine promises (docs/scoring.md §2 and §4): clear cases land in clear
 * bands, each dimension follows the surface cues it is named for, and every move is backed by a span.
 */
class DefaultEngineBehaviourTest {
    private static final String DOG = "My dog died this morning";
    private final AttunementAnalyzer analyzer = new AttunementAnalyzer();

    private Assessment reply(String bid, String reply) {
        return analyzer.analyze(new ConversationSample("friend", "Client",
            List.of(new Turn("Other", bid), new Turn("Client", reply)), "en"));
    }

    private static List<String> signals(Assessment a, String dimension) {
        return dimension(a, dimension).evidence().stream().map(Evidence::signal).toList();
    }

    @Test
    void minimisingALossIsMisattuned() {
        Assessment a = reply(DOG, "It was just a dog, you can get another one.");

        assertThat(a.band()).isEqualTo(Band.MISATTUNED);
        assertThat(dimension(a, "acknowledgement").evidence()).filteredOn(e -> e.signal().equals("minimising"))
            .extracting(Evidence::text).contains("It was just a dog", "you can get another one");
        assertThat(dimension(a, "acknowledgement").score()).isLessThanOrEqualTo(20);
        assertThat(signals(a, "presence")).doesNotContain("on-topic");
    }

    @Test
    void sympathyReflectionAndPresenceAreAttunedWithoutAQuestion() {
        Assessment a = reply(DOG, "I'm so sorry. I know how much you loved her. I'm here for you.");

        assertThat(a.band()).isEqualTo(Band.ATTUNED);
        assertThat(signals(a, "acknowledgement")).contains("sympathy", "support");
        assertThat(signals(a, "mirroring")).containsAnyOf("reflection", "feeling-named")
            .doesNotContain("mismatched-tone");
    }

    @Test
    void dimensionsWithoutEvidenceDoNotDragTheOverallToTheMiddle() {
        Assessment a = reply(DOG, "Oh no. I'm so sorry, that's heartbreaking.");

        assertThat(dimension(a, "exploration").evidence()).isEmpty();
        assertThat(a.overallScore()).isGreaterThanOrEqualTo(BandPolicy.CONVERSATION.attunedFrom);
    }

    @Test
    void everyRealQuestionRaisesInquiryAndOpenOnesMore() {
        String bid = "I keep fighting with my sister about mum's care.";
        int none = dimension(reply(bid, "That sounds exhausting."), "inquiry").score();
        int closed = dimension(reply(bid, "Did she call you again?"), "inquiry").score();
        int open = dimension(reply(bid, "What happens when you two talk about it?"), "inquiry").score();
        int noMark = dimension(reply(bid, "How are the two of you splitting the visits"), "inquiry").score();
        int wonder = dimension(reply(bid, "I wonder what it would take for her to hear you."), "inquiry").score();

        assertThat(closed).isGreaterThan(none);
        assertThat(open).isGreaterThan(closed);
        assertThat(noMark).isGreaterThan(none);
        assertThat(wonder).isGreaterThan(none);
    }

    @Test
    void aQuestionAboutWhatTheySaidWeighsMoreThanAnUnlinkedOne() {
        String bid = "I keep fighting with my sister about mum's care.";
        Assessment linked = reply(bid, "Is your sister doing any of the visits?");
        Assessment unlinked = reply(bid, "Is the car fixed yet?");

        assertThat(signals(linked, "inquiry")).contains("closed-question");
        assertThat(dimension(linked, "inquiry").score()).isGreaterThan(dimension(unlinked, "inquiry").score());
    }

    @Test
    void mirroringFollowsReflectionNotLength() {
        String bid = "My team goes to my old manager behind my back whenever I make a decision.";
        Assessment reflection = reply(bid, "So you're saying they go around you to him.");
        Assessment longAdvice = reply(bid, "You should set up a meeting with everyone, write down the decision "
            + "rights, send them round by email and ask your director to back you up in the next all-hands.");

        assertThat(signals(reflection, "mirroring")).contains("reflection");
        assertThat(dimension(reflection, "mirroring").score())
            .isGreaterThan(dimension(longAdvice, "mirroring").score());
    }

    @Test
    void acknowledgementFollowsValidationNotLength() {
        String bid = "I didn't get the promotion.";
        Assessment brief = reply(bid, "Oh no, that's awful.");
        Assessment long_ = reply(bid, "Promotions are decided in committee, they look at the numbers from the last "
            + "four quarters and the feedback from the skip-level, and the budget for the new grade is fixed.");

        assertThat(dimension(brief, "acknowledgement").score())
            .isGreaterThan(dimension(long_, "acknowledgement").score());
    }

    @Test
    void adviceLowersTheOverallScoreEvenAfterAcknowledgement() {
        String bid = "I'm so anxious about my exams, I haven't slept in days.";
        Assessment attuned = reply(bid, "That sounds exhausting. What's worrying you most?");
        Assessment advice = reply(bid, "That sounds exhausting. You should try a meditation app and cut out coffee.");

        assertThat(signals(advice, "listening-balance")).contains("advice");
        assertThat(signals(advice, "exploration")).contains("premature-solution");
        assertThat(advice.overallScore()).isLessThan(attuned.overallScore());
    }

    @Test
    void aReflectionUsedToDismissMirrorsNothing() {
        Assessment a = reply("I miss my family so much since I moved to London.",
            "You wanted to move to London, so don't complain now.");

        assertThat(signals(a, "mirroring")).doesNotContain("reflection", "restated-content");
        assertThat(signals(a, "acknowledgement")).contains("invalidation");
    }

    @Test
    void cheerAfterBadNewsIsAMismatchButLoveIsNot() {
        assertThat(signals(reply(DOG, "haha nice"), "mirroring")).contains("mismatched-tone");
        assertThat(signals(reply(DOG, "I know how much you loved her."), "mirroring")).doesNotContain("mismatched-tone");
    }

    @Test
    void itIsNotYourFaultIsValidationNotBlame() {
        Assessment a = reply("I crashed the car and I feel terrible.", "It's not your fault.");

        assertThat(signals(a, "acknowledgement")).contains("validation").doesNotContain("invalidation");
    }
}
