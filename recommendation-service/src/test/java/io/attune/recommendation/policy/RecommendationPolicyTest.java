package io.attune.recommendation.policy;

import static io.attune.recommendation.policy.Snapshots.NOW;
import static io.attune.recommendation.policy.Snapshots.conversation;
import static io.attune.recommendation.policy.Snapshots.journal;
import static io.attune.recommendation.policy.Snapshots.past;
import static io.attune.recommendation.policy.Snapshots.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecommendationPolicyTest {

    private static final List<Exercise> CATALOG = CatalogFixture.exercises();
    private static final RecommendationPolicy POLICY = new RecommendationPolicy(PolicyThresholds.defaults());

    /** Ann: "my supervisor called me stupid again… I hate him!"; Steve: "That sucks! Just forget it." */
    static ScoreSnapshot misattunedPartnerConversation() {
        return conversation("a-steve", "partner", 22, "none",
                reading("acknowledgement", 20, "Just forget it"),
                reading("mirroring", 30, "That sucks!"),
                reading("inquiry", 55),
                reading("exploration", 15, "Just forget it"),
                reading("presence", 70),
                reading("listening-balance", 65));
    }

    static ScoreSnapshot weakAcknowledgementOnly(String context) {
        return conversation("a-ack", context, 60, "none",
                reading("acknowledgement", 20, "ok."),
                reading("mirroring", 60),
                reading("inquiry", 60),
                reading("exploration", 60),
                reading("presence", 60),
                reading("listening-balance", 60));
    }

    static ClientHistory history(List<ScoreSnapshot> recent, List<String> active, Map<String, Instant> dismissed,
                                 Map<String, Integer> completed, Map<String, Double> helpfulness) {
        return new ClientHistory(recent,
                active.stream().map(id -> new ActiveRecommendation(id, NOW.minus(Duration.ofDays(1)))).toList(),
                dismissed, completed, helpfulness);
    }

    static ClientHistory withActive(String... active) {
        return history(List.of(), List.of(active), Map.of(), Map.of(), Map.of());
    }

    static List<String> ids(Decision decision) {
        return decision.picks().stream().map(Pick::exerciseId).toList();
    }

    static RecommendationPolicy policyWithMaxActive(int maxActive) {
        PolicyThresholds d = PolicyThresholds.defaults();
        return new RecommendationPolicy(new PolicyThresholds(d.weakDimension(), maxActive, d.dismissalCooldown(),
                d.rotateAfterCompletions(), d.escalationWindow(), d.escalationLowOverall(),
                d.escalationMinLowCount(), d.concernEscalationCount()));
    }

    @Nested
    class WeakDimensions {

        @Test
        void misattunedPartnerGetsValidationMirroringAndLeadOnStatements() {
            Decision decision = POLICY.decide(misattunedPartnerConversation(), ClientHistory.empty(), CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("lead-on-statements", "validating-phrases", "mirror-feelings");
            assertThat(decision.picks()).extracting(Pick::rank).containsExactly(35.0, 30.0, 20.0);
            assertThat(decision.supersede()).isEmpty();
            assertThat(decision.coachAlert()).isFalse();
            assertThat(decision.crisis()).isFalse();
        }

        @Test
        void eachPickExplainsItselfWithDimensionScoreAndEvidence() {
            Decision decision = POLICY.decide(misattunedPartnerConversation(), ClientHistory.empty(), CATALOG, NOW);

            Pick validating = decision.picks().get(1);
            assertThat(validating.dimension()).isEqualTo("acknowledgement");
            assertThat(validating.score()).isEqualTo(20);
            assertThat(validating.evidenceExcerpt()).isEqualTo("Just forget it");
            assertThat(validating.assessmentId()).isEqualTo("a-steve");
            assertThat(validating.summary())
                    .isEqualTo("Acknowledgement scored 20/100 in this conversation (\"Just forget it\").");
            assertThat(decision.picks().get(2).dimension()).isEqualTo("mirroring");
        }

        @Test
        void acknowledgementAloneLeadsWithValidatingPhrasesThenMirroring() {
            Decision decision = policyWithMaxActive(5)
                    .decide(weakAcknowledgementOnly("friend"), ClientHistory.empty(), CATALOG, NOW);

            assertThat(ids(decision)).first().isEqualTo("validating-phrases");
            assertThat(ids(decision)).contains("mirror-feelings").doesNotContain("parenting-check-in");
            assertThat(decision.picks()).allSatisfy(p -> assertThat(p.dimension()).isEqualTo("acknowledgement"));
        }

        @Test
        void lowFocusJournalAboutThePhoneLeadsToAvoidMultitasking() {
            ScoreSnapshot entry = journal("j-1", 55, "none",
                    reading("emotional-awareness", 70),
                    reading("trigger-insight", 65),
                    reading("self-compassion", 60),
                    reading("acceptance", 60),
                    reading("mindfulness", 55),
                    reading("focus", 25, "answered emails while scrolling my phone"));

            Decision decision = POLICY.decide(entry, ClientHistory.empty(), CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("avoid-multitasking");
            assertThat(decision.picks().get(0).summary())
                    .isEqualTo("Focus scored 25/100 in this journal entry "
                            + "(\"answered emails while scrolling my phone\").");
        }

        @Test
        void lowPresenceInAConversationLeadsToAvoidMultitasking() {
            ScoreSnapshot sample = conversation("a-phone", "friend", 50, "none",
                    reading("presence", 20, "hold on, texting"), reading("acknowledgement", 60));

            assertThat(ids(POLICY.decide(sample, ClientHistory.empty(), CATALOG, NOW)))
                    .first().isEqualTo("avoid-multitasking");
        }

        @Test
        void lowListeningBalanceLeadsToTalkLess() {
            ScoreSnapshot sample = conversation("a-advice", "colleague", 50, "none",
                    reading("listening-balance", 20, "you should just quit"),
                    reading("acknowledgement", 70),
                    reading("exploration", 70));

            Decision decision = POLICY.decide(sample, ClientHistory.empty(), CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("talk-less", "ask-relevant-questions");
        }

        @Test
        void journalSelfLabellingLeadsToLabelToObservation() {
            ScoreSnapshot entry = journal("j-2", 50, "none",
                    reading("self-compassion", 15, "I am lazy"), reading("emotional-awareness", 70));

            assertThat(ids(POLICY.decide(entry, ClientHistory.empty(), CATALOG, NOW)))
                    .containsExactly("label-to-observation");
        }

        @Test
        void nothingWeakMeansNoPicks() {
            ScoreSnapshot attuned = conversation("a-good", "partner", 85, "none",
                    reading("acknowledgement", 90), reading("exploration", 80), reading("presence", 50));

            Decision decision = POLICY.decide(attuned, ClientHistory.empty(), CATALOG, NOW);

            assertThat(decision.picks()).isEmpty();
            assertThat(decision.coachAlert()).isFalse();
        }

        @Test
        void alreadyActiveExercisesAreNotPickedAgain() {
            Decision decision = POLICY.decide(misattunedPartnerConversation(), withActive("validating-phrases"),
                    CATALOG, NOW);

            assertThat(ids(decision)).hasSize(2).doesNotContain("validating-phrases");
        }

        @Test
        void anExerciseIsPickedAtMostOnceEvenWhenItFitsSeveralWeakDimensions() {
            Decision decision = policyWithMaxActive(10)
                    .decide(misattunedPartnerConversation(), ClientHistory.empty(), CATALOG, NOW);

            assertThat(ids(decision)).doesNotHaveDuplicates()
                    .containsExactly("lead-on-statements", "validating-phrases", "intend-engagement",
                            "mirror-feelings");
        }

        @Test
        void anUnknownSafetyLevelIsRejectedRatherThanReadAsNone() {
            ScoreSnapshot odd = conversation("a-odd", "partner", 50, "maybe", reading("acknowledgement", 20));

            assertThatThrownBy(() -> POLICY.decide(odd, ClientHistory.empty(), CATALOG, NOW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maybe");
        }
    }

    @Nested
    class Crisis {

        static ScoreSnapshot crisisEntry() {
            return journal("j-crisis", 20, "crisis",
                    reading("emotional-awareness", 10, "text that must never be echoed"),
                    reading("self-compassion", 5, "text that must never be echoed"));
        }

        @Test
        void onlySeekTherapyAllOtherActiveRetiredAndCoachAlerted() {
            Decision decision = POLICY.decide(crisisEntry(),
                    withActive("validating-phrases", "talk-less", "emotion-vocabulary"), CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("seek-therapy");
            assertThat(decision.supersede())
                    .containsExactly("validating-phrases", "talk-less", "emotion-vocabulary");
            assertThat(decision.coachAlert()).isTrue();
            assertThat(decision.crisis()).isTrue();
        }

        @Test
        void theCrisisPickPointsToATherapistWithoutDiagnosingOrQuoting() {
            Pick pick = POLICY.decide(crisisEntry(), ClientHistory.empty(), CATALOG, NOW).picks().get(0);

            assertThat(pick.dimension()).isNull();
            assertThat(pick.score()).isNull();
            assertThat(pick.evidenceExcerpt()).isNull();
            assertThat(pick.assessmentId()).isEqualTo("j-crisis");
            assertThat(pick.summary()).contains("licensed therapist").contains("crisis resources")
                    .doesNotContain("never be echoed")
                    .doesNotContainIgnoringCase("diagnos")
                    .doesNotContainIgnoringCase("disorder");
        }

        @Test
        void overridesMaxActiveAndARecentDismissal() {
            ClientHistory history = history(List.of(), List.of("talk-less", "lead-on-statements", "mirror-feelings"),
                    Map.of("seek-therapy", NOW.minus(Duration.ofDays(1))), Map.of(), Map.of());

            Decision decision = POLICY.decide(crisisEntry(), history, CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("seek-therapy");
            assertThat(decision.supersede()).hasSize(3);
        }

        @Test
        void anOpenSeekTherapyIsNotDuplicatedButTheCoachIsStillAlerted() {
            Decision decision = POLICY.decide(crisisEntry(), withActive("seek-therapy", "talk-less"), CATALOG, NOW);

            assertThat(decision.picks()).isEmpty();
            assertThat(decision.supersede()).containsExactly("talk-less");
            assertThat(decision.coachAlert()).isTrue();
            assertThat(decision.crisis()).isTrue();
        }
    }

    @Nested
    class MaxActive {

        @Test
        void picksFillOnlyTheFreeSlots() {
            Decision decision = POLICY.decide(misattunedPartnerConversation(),
                    withActive("talk-less", "avoid-multitasking"), CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("lead-on-statements");
        }

        @Test
        void noPicksWhenFullOrAlreadyOverTheLimit() {
            assertThat(POLICY.decide(misattunedPartnerConversation(),
                    withActive("talk-less", "avoid-multitasking", "emotion-vocabulary"), CATALOG, NOW).picks())
                    .isEmpty();
            assertThat(POLICY.decide(misattunedPartnerConversation(),
                    withActive("talk-less", "avoid-multitasking", "emotion-vocabulary", "label-to-observation"),
                    CATALOG, NOW).picks())
                    .isEmpty();
        }
    }

    @Nested
    class Dismissal {

        private Decision decideWithDismissedAgo(Duration ago) {
            ClientHistory history = history(List.of(), List.of(),
                    Map.of("validating-phrases", NOW.minus(ago)), Map.of(), Map.of());
            return policyWithMaxActive(5).decide(weakAcknowledgementOnly("partner"), history, CATALOG, NOW);
        }

        @Test
        void aRecentlyDismissedExerciseIsNotOffered() {
            assertThat(ids(decideWithDismissedAgo(Duration.ofDays(3))))
                    .doesNotContain("validating-phrases")
                    .contains("mirror-feelings");
        }

        @Test
        void itComesBackOnceTheCooldownHasPassed() {
            assertThat(ids(decideWithDismissedAgo(Duration.ofDays(14)))).first().isEqualTo("validating-phrases");
            assertThat(ids(decideWithDismissedAgo(Duration.ofDays(20)))).first().isEqualTo("validating-phrases");
            assertThat(ids(decideWithDismissedAgo(Duration.ofDays(14).minusSeconds(1))))
                    .doesNotContain("validating-phrases");
        }
    }

    @Nested
    class Rotation {

        @Test
        void anOftenCompletedExerciseYieldsToAnAlternativeForTheSameDimension() {
            ClientHistory history = history(List.of(), List.of(), Map.of(),
                    Map.of("validating-phrases", 5), Map.of());

            Decision decision = policyWithMaxActive(5)
                    .decide(weakAcknowledgementOnly("partner"), history, CATALOG, NOW);

            assertThat(ids(decision)).doesNotContain("validating-phrases")
                    .containsExactlyInAnyOrder("mirror-feelings", "intend-engagement");
        }

        @Test
        void withoutAnAlternativeItIsStillOfferedButRankedLower() {
            ClientHistory history = history(List.of(), List.of(), Map.of(),
                    Map.of("lead-on-statements", 5), Map.of());

            Decision decision = POLICY.decide(misattunedPartnerConversation(), history, CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("validating-phrases", "mirror-feelings", "lead-on-statements");
            // 35 shortfall x 0.75 (five completions) x 0.5 rotation penalty
            assertThat(decision.picks().get(2).rank()).isEqualTo(13.125);
        }

        @Test
        void belowTheThresholdCompletionsOnlyLowerTheRank() {
            ClientHistory history = history(List.of(), List.of(), Map.of(),
                    Map.of("lead-on-statements", 4), Map.of());

            Decision decision = POLICY.decide(misattunedPartnerConversation(), history, CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("validating-phrases", "lead-on-statements", "mirror-feelings");
            assertThat(decision.picks().get(1).rank()).isEqualTo(28.0);
        }
    }

    @Nested
    class EscalationToTherapy {

        private ScoreSnapshot lowConversation(String id, int overall, String safety) {
            return conversation(id, "partner", overall, safety,
                    reading("acknowledgement", 20, "whatever"), reading("exploration", 30, "let's move on"));
        }

        @Test
        void persistentlyLowScoresAddSeekTherapyFirstWithoutAlert() {
            ClientHistory history = history(List.of(past("p1", 30), past("p2", 60), past("p3", 20)),
                    List.of(), Map.of(), Map.of(), Map.of());

            Decision decision = POLICY.decide(lowConversation("c4", 25, "none"), history, CATALOG, NOW);

            assertThat(ids(decision)).hasSize(3).startsWith("seek-therapy")
                    .contains("validating-phrases", "lead-on-statements");
            Pick seek = decision.picks().get(0);
            assertThat(seek.dimension()).isNull();
            assertThat(seek.score()).isEqualTo(25);
            assertThat(seek.rank()).isEqualTo(RecommendationPolicy.SEEK_THERAPY_RANK);
            assertThat(seek.summary())
                    .isEqualTo("Your overall score has been below 35 in 3 of your last 4 entries. Consider talking "
                            + "to a licensed therapist, who can help you explore what keeps coming up.");
            assertThat(decision.coachAlert()).isFalse();
            assertThat(decision.crisis()).isFalse();
        }

        @Test
        void lowScoresOutsideTheWindowDoNotCount() {
            ClientHistory history = history(
                    List.of(past("p1", 20), past("p2", 20), past("p3", 60), past("p4", 70), past("p5", 60)),
                    List.of(), Map.of(), Map.of(), Map.of());

            Decision decision = POLICY.decide(lowConversation("c6", 30, "none"), history, CATALOG, NOW);

            assertThat(ids(decision)).doesNotContain("seek-therapy");
        }

        @Test
        void repeatedConcernAddsSeekTherapyAndAlertsTheCoach() {
            ClientHistory history = history(List.of(past("p1", 60, "concern"), past("p2", 70, "none")),
                    List.of(), Map.of(), Map.of(), Map.of());

            Decision decision = POLICY.decide(lowConversation("c3", 60, "concern"), history, CATALOG, NOW);

            assertThat(ids(decision)).startsWith("seek-therapy");
            assertThat(decision.picks().get(0).summary()).contains("2 of the last 3").contains("licensed therapist");
            assertThat(decision.coachAlert()).isTrue();
            assertThat(decision.crisis()).isFalse();
            assertThat(decision.supersede()).isEmpty();
        }

        @Test
        void aSingleConcernIsNotEnough() {
            Decision decision = POLICY.decide(lowConversation("c1", 60, "concern"), ClientHistory.empty(), CATALOG,
                    NOW);

            assertThat(ids(decision)).doesNotContain("seek-therapy");
            assertThat(decision.coachAlert()).isFalse();
        }

        @Test
        void notRepeatedWhileOpenOrRecentlyDismissedButTheCoachIsStillAlerted() {
            List<ScoreSnapshot> recent = List.of(past("p1", 60, "concern"));
            ClientHistory open = history(recent, List.of("seek-therapy"), Map.of(), Map.of(), Map.of());
            ClientHistory dismissed = history(recent, List.of(),
                    Map.of("seek-therapy", NOW.minus(Duration.ofDays(2))), Map.of(), Map.of());

            for (ClientHistory history : List.of(open, dismissed)) {
                Decision decision = POLICY.decide(lowConversation("c2", 60, "concern"), history, CATALOG, NOW);
                assertThat(ids(decision)).doesNotContain("seek-therapy").isNotEmpty();
                assertThat(decision.coachAlert()).isTrue();
            }
        }

        @Test
        void respectsMaxActiveButStillAlerts() {
            ClientHistory history = history(List.of(past("p1", 60, "concern")),
                    List.of("talk-less", "mirror-feelings", "emotion-vocabulary"), Map.of(), Map.of(), Map.of());

            Decision decision = POLICY.decide(lowConversation("c2", 60, "concern"), history, CATALOG, NOW);

            assertThat(decision.picks()).isEmpty();
            assertThat(decision.coachAlert()).isTrue();
        }

        @Test
        void seekTherapyIsNeverAnOrdinaryPick() {
            Decision decision = policyWithMaxActive(20)
                    .decide(misattunedPartnerConversation(), ClientHistory.empty(), CATALOG, NOW);

            assertThat(ids(decision)).doesNotContain("seek-therapy");
        }
    }

    @Nested
    class Feedback {

        @Test
        void helpfulnessMovesTheRanking() {
            ClientHistory history = history(List.of(), List.of(), Map.of(), Map.of(),
                    Map.of("validating-phrases", 1.0, "mirror-feelings", 5.0));

            Decision decision = policyWithMaxActive(5)
                    .decide(weakAcknowledgementOnly("partner"), history, CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("mirror-feelings", "intend-engagement", "validating-phrases");
            // 30 x 0.8 secondary target x 1.4; 30 x 0.8; 30 x 0.6
            assertThat(decision.picks()).extracting(Pick::rank).containsExactly(33.6, 24.0, 18.0);
        }

        @Test
        void withoutFeedbackTheOrderFollowsTheShortfall() {
            Decision decision = policyWithMaxActive(5)
                    .decide(weakAcknowledgementOnly("partner"), ClientHistory.empty(), CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("validating-phrases", "intend-engagement", "mirror-feelings");
        }
    }

    @Nested
    class ContextFilter {

        static ScoreSnapshot weakPresence(String context) {
            return conversation("a-presence", context, 50, "none",
                    reading("presence", 20, "sorry, what?"), reading("acknowledgement", 60));
        }

        @Test
        void parentingCheckInIsOfferedForAChild() {
            Decision decision = policyWithMaxActive(5).decide(weakPresence("child"), ClientHistory.empty(), CATALOG,
                    NOW);

            assertThat(ids(decision))
                    .containsExactly("avoid-multitasking", "intend-engagement", "parenting-check-in");
        }

        @Test
        void parentingCheckInIsNeverOfferedOutsideAChildContext() {
            for (String context : List.of("partner", "friend", "colleague", "coachee", "self", "other")) {
                Decision decision = policyWithMaxActive(12)
                        .decide(weakPresence(context), ClientHistory.empty(), CATALOG, NOW);
                assertThat(ids(decision)).as(context).doesNotContain("parenting-check-in");
            }
        }

        @Test
        void anExactContextOutranksAGenericOne() {
            List<Exercise> catalog = List.of(
                    exercise("a-generic", List.of()),
                    exercise("b-other", List.of("other", "self")),
                    exercise("c-partner", List.of("partner")),
                    exercise("d-child", List.of("child")));

            Decision decision = policyWithMaxActive(5)
                    .decide(weakAcknowledgementOnly("partner"), ClientHistory.empty(), catalog, NOW);

            assertThat(ids(decision)).containsExactly("c-partner", "a-generic", "b-other");
            assertThat(decision.picks()).extracting(Pick::rank).containsExactly(30.0, 18.0, 18.0);
        }

        @Test
        void aJournalWithoutContextCountsAsSelf() {
            ScoreSnapshot entry = new ScoreSnapshot("j-3", "journal", null, 50, "partly attuned",
                    List.of(reading("emotional-awareness", 20, "felt bad")), "none", NOW);

            Decision decision = POLICY.decide(entry, ClientHistory.empty(), CATALOG, NOW);

            assertThat(ids(decision)).containsExactly("emotion-vocabulary", "practice-mindfulness");
        }

        private Exercise exercise(String id, List<String> contexts) {
            return new Exercise(id, id, "Do it. Then reflect.", 5, List.of("acknowledgement"), contexts, List.of(),
                    "test");
        }
    }

    @Nested
    class Determinism {

        @Test
        void sameInputsGiveTheSameDecisionWhateverTheCatalogOrder() {
            ClientHistory history = history(List.of(past("p1", 30), past("p2", 20)), List.of("talk-less"),
                    Map.of("mirror-feelings", NOW.minus(Duration.ofDays(1))), Map.of("intend-engagement", 2),
                    Map.of("lead-on-statements", 4.0));
            Decision expected = policyWithMaxActive(6)
                    .decide(misattunedPartnerConversation(), history, CATALOG, NOW);

            for (long seed = 1; seed <= 20; seed++) {
                List<Exercise> shuffled = new ArrayList<>(CATALOG);
                Collections.shuffle(shuffled, new Random(seed));
                assertThat(policyWithMaxActive(6).decide(misattunedPartnerConversation(), history, shuffled, NOW))
                        .isEqualTo(expected);
            }
        }

        @Test
        void equalRanksAreBrokenByExerciseId() {
            Decision decision = policyWithMaxActive(5).decide(weakAcknowledgementOnly("partner"),
                    ClientHistory.empty(), CATALOG, NOW);

            // intend-engagement and mirror-feelings both rank 24.0
            assertThat(decision.picks().subList(1, 3)).extracting(Pick::exerciseId)
                    .containsExactly("intend-engagement", "mirror-feelings");
        }
    }
}
