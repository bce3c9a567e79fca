package io.attune.recommendation.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.attune.chassis.ids.Ids;
import io.attune.chassis.security.ClientAction;
import io.attune.recommendation.config.RecommendationConfig;
import io.attune.recommendation.policy.DimensionReading;
import io.attune.recommendation.policy.ProfileSummary;
import io.attune.recommendation.policy.ScoreProfile;
import io.attune.recommendation.policy.ScoreSnapshot;
import io.attune.recommendation.service.AccessControl;
import io.attune.recommendation.store.AlertStore;
import io.attune.recommendation.store.ProfileStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Score history and trends for dashboards, with the coach alerts raised for the client. */
@Path("/api/v1/clients/{clientId}/profile")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Profiles")
public class ProfileResource {

    /** One score of one dimension at one time. */
    public record Point(Instant at, int score, String assessmentId) {
    }

    /** The dashboard view of a client. */
    public record ClientProfile(String clientId, int scores, ProfileSummary summary,
            Map<String, List<Point>> history, List<AlertStore.CoachAlert> alerts) {
    }

    private final ProfileStore profiles;
    private final AlertStore alerts;
    private final AccessControl access;
    private final RecommendationConfig config;

    public ProfileResource(ProfileStore profiles, AlertStore alerts, AccessControl access,
            RecommendationConfig config) {
        this.profiles = profiles;
        this.alerts = alerts;
        this.access = access;
        this.config = config;
    }

    @GET
    @Operation(summary = "Score history per dimension, rolling averages and trends")
    public ClientProfile profile(@PathParam("clientId") String clientId) {
        Ids.requireClientId(clientId);
        access.authorize(ClientAction.READ_SCORES, clientId);
        List<ScoreSnapshot> history = profiles.history(clientId);
        Map<String, List<Point>> perDimension = new LinkedHashMap<>();
        for (ScoreSnapshot score : history) {
            perDimension.computeIfAbsent("overall", k -> new ArrayList<>())
                    .add(new Point(score.scoredAt(), score.overallScore(), score.assessmentId()));
            for (DimensionReading reading : score.dimensions()) {
                perDimension.computeIfAbsent(reading.name(), k -> new ArrayList<>())
                        .add(new Point(score.scoredAt(), reading.score(), score.assessmentId()));
            }
        }
        return new ClientProfile(clientId, history.size(), ScoreProfile.summarize(history, config.profileWindow()),
                perDimension, alerts.forClient(clientId, 20));
    }
}
