package io.attune.scoring.engine;

import static io.attune.scoring.engine.CanonicalExampleTest.dimension;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationSignalsTest {
    private final AttunementAnalyzer analyzer = new AttunementAnalyzer();

    private Assessment reply(String bid, String reply) {
        return analyzer.analyze(new ConversationSample("friend", "Client",
            List.of(new Turn("Other", bid), new Turn("Client", reply)), "en"));
    }

    private static List<String> signals(Assessment a, String dimension) {
        return dimension(a, dimension).evidence().stream().map(Evidence::signal).toList();
    }

    @Test
    void negatedUnderstandingIsNotValidation() {
        Assessment negated = reply("I'm so upset about the exam.", "I don't understand what the problem is.");
        Assessment plain = reply("I'm so upset about the exam.", "I understand why you're upset.");

        assertThat(signals(negated, "acknowledgement")).doesNotContain("validation").contains("unacknowledged-feeling");
        assertThat(signals(plain, "acknowledgement")).contains("validation");
    }

    @Test
    void aNegatorInsideThePhraseStillValidates() {
        assertThat(signals(reply("My boss yelled at me.", "That's not right."), "acknowledgement")).contains("validation");
    }

    @Test
    void mirroringCountsWordsOfTheSameFamily() {
        Assessment a = reply("I hate him, he lied to me again!", "Ugh, so infuriating.");
        assertThat(dimension(a, "mirroring").evidence())
            .anySatisfy(e -> {
                assertThat(e.signal()).isEqualTo("affect-family-echo");
                assertThat(e.text()).isEqualTo("infuriating");
            });
    }

    @Test
    void namingTheirFeelingBackIsMirroring() {
        Assessment a = reply("He cancelled on me again!", "You sound really frustrated.");
        assertThat(signals(a, "mirroring")).contains("feeling-named");
        assertThat(dimension(a, "mirroring").score()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void flatReplyToAStrongFeelingLowersMirroring() {
        Assessment a = reply("Guess what, I hate my job so much!", "ok.");
        assertThat(signals(a, "mirroring")).contains("flat-response");
        assertThat(dimension(a, "mirroring").score()).isLessThanOrEqualTo(40);
    }

    @Test
    void openRelevantQuestionsWeighMoreThanClosedOnes() {
        Assessment open = reply("My sister yelled at me at dinner.", "What did your sister say?");
        Assessment closed = reply("My sister yelled at me at dinner.", "Was your sister drunk?");
        assertThat(signals(open, "inquiry")).contains("open-question");
        assertThat(signals(closed, "inquiry")).contains("closed-question");
        assertThat(dimension(open, "inquiry").score()).isGreaterThan(dimension(closed, "inquiry").score());
    }

    @Test
    void questionAboutSomethingElseIsOffTopic() {
        Assessment a = reply("I'm worried about my mum's surgery.", "Did you see the game last night?");
        assertThat(signals(a, "inquiry")).contains("off-topic-question");
        assertThat(dimension(a, "presence").score()).isLessThanOrEqualTo(40);
    }

    @Test
    void adviceBeforeUnderstandingLowersListeningBalance() {
        Assessment a = reply("I'm stressed, my manager keeps piling on work.", "You should just quit.");
        assertThat(signals(a, "listening-balance")).contains("advice-before-understanding");

        Assessment after = reply("I'm stressed, my manager keeps piling on work.",
            "That sounds exhausting. What is the worst part? Maybe you should talk to HR.");
        assertThat(signals(after, "listening-balance")).doesNotContain("advice-before-understanding");
    }

    @Test
    void clientTakingMostOfTheWordsLowersListeningBalance() {
        Assessment a = reply("Work was rough.",
            "Oh mine too, let me tell you, first the printer broke, then my manager called a meeting that went on "
                + "for two hours, then I had to redo the whole deck because marketing changed the colours again, and "
                + "after that I missed my train and had to wait forty minutes in the rain with no umbrella at all.");
        assertThat(signals(a, "listening-balance")).contains("client-dominates");
    }

    @Test
    void distractionLowersPresence() {
        Assessment a = reply("I've been feeling really lonely lately.", "Hold on, I'm texting. Sorry, what?");
        assertThat(signals(a, "presence")).contains("distraction");
        assertThat(dimension(a, "presence").score()).isLessThanOrEqualTo(40);
    }

    @Test
    void leadOnStatementsPromoteExploration() {
        Assessment a = reply("My dad said something weird at dinner.", "Go on, tell me more.");
        assertThat(signals(a, "exploration")).contains("lead-on");
        assertThat(dimension(a, "exploration").score()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void keyMomentsPointAtTheTurnsThatMattered() {
        Assessment a = analyzer.analyze(new ConversationSample("partner", "Steve", List.of(
            new Turn("Ann", "I'm so angry at my boss!"),
            new Turn("Steve", "Whatever, just forget it."),
            new Turn("Ann", "Seriously?"),
            new Turn("Steve", "Sorry. That sounds infuriating. What happened?")), "en"));
        assertThat(a.keyMoments()).hasSizeBetween(1, 3);
        assertThat(a.keyMoments()).extracting(KeyMoment::turn).contains(1, 3);
        assertThat(a.keyMoments().get(0).impact()).isNotZero();
    }

    @Test
    void aCaringCheckInIsBothSympathyAndAQuestion() {
        Assessment a = reply("My sister stole my car!", "Whoa! Are you okay? What happened?");
        assertThat(signals(a, "acknowledgement")).contains("sympathy");
        assertThat(signals(a, "inquiry")).contains("closed-question", "open-question");
        assertThat(a.band()).isEqualTo(Band.ATTUNED);
    }
}
