package io.attune.scoring.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.attune.chassis.crisis.CrisisResources;
import io.attune.chassis.problem.FieldError;
import io.attune.chassis.problem.InvalidRequestException;
import io.attune.scoring.engine.Assessment;
import io.attune.scoring.engine.AttunementAnalyzer;
import io.attune.scoring.engine.ConversationSample;
import io.attune.scoring.engine.EmotionTag;
import io.attune.scoring.engine.JournalEntry;
import io.attune.scoring.engine.SafetyLevel;
import io.attune.scoring.engine.Turn;
import io.attune.scoring.mapping.AssessmentView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Synchronous scoring for live hints in apps. Nothing is stored and nothing is published. Clients and their apps
 * may call it; coaches and admins have no reason to score text here.
 */
@Path("/api/v1/analyses")
@Tag(name = "Analyses")
@RolesAllowed({ "client", "app" })
public class AnalysisResource {

    /** The assessment, plus crisis resources for the locale when the safety level is crisis. */
    public record AnalysisResponse(AssessmentView assessment, List<CrisisResources.Resource> crisisResources) {
    }

    private final AttunementAnalyzer analyzer;
    private final CrisisResources crisisResources;

    public AnalysisResource(AttunementAnalyzer analyzer, CrisisResources crisisResources) {
        this.analyzer = analyzer;
        this.crisisResources = crisisResources;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score one conversation or journal entry now", description = "Returns dimensions with "
            + "their evidence spans, the overall band, key moments and the safety level. Stores nothing.")
    @APIResponse(responseCode = "200", description = "The assessment")
    @APIResponse(responseCode = "400", description = "Invalid fields, listed in `errors`")
    public AnalysisResponse analyze(@NotNull @Valid AnalysisRequest body) {
        Assessment assessment = "conversation".equals(body.kind()) ? conversation(body) : journal(body);
        String locale = body.locale() == null ? "en" : body.locale();
        List<CrisisResources.Resource> resources = assessment.safety().level() == SafetyLevel.CRISIS
                ? crisisResources.forLocale(locale) : List.of();
        return new AnalysisResponse(AssessmentView.of(assessment), resources);
    }

    private Assessment conversation(AnalysisRequest body) {
        List<FieldError> errors = new ArrayList<>();
        requirePresent(errors, "relationship", body.relationship());
        requirePresent(errors, "clientSpeaker", body.clientSpeaker());
        requirePresent(errors, "turns", body.turns());
        requireAbsent(errors, "text", body.text(), "conversation");
        requireAbsent(errors, "emotions", body.emotions(), "conversation");
        if (body.clientSpeaker() != null && body.turns() != null) {
            long mine = body.turns().stream().filter(t -> body.clientSpeaker().equals(t.speaker())).count();
            if (mine == 0) {
                errors.add(new FieldError("clientSpeaker", "must be the speaker of at least one turn"));
            } else if (mine == body.turns().size()) {
                errors.add(new FieldError("turns", "must include at least one turn by someone other than the client"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<Turn> turns = body.turns().stream().map(t -> new Turn(t.speaker(), t.text())).toList();
        return analyzer.analyze(new ConversationSample(body.relationship(), body.clientSpeaker(), turns, body.locale()));
    }

    private Assessment journal(AnalysisRequest body) {
        List<FieldError> errors = new ArrayList<>();
        requirePresent(errors, "text", body.text());
        requireAbsent(errors, "relationship", body.relationship(), "journal");
        requireAbsent(errors, "clientSpeaker", body.clientSpeaker(), "journal");
        requireAbsent(errors, "turns", body.turns(), "journal");
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<EmotionTag> emotions = body.emotions() == null ? List.of()
                : body.emotions().stream().map(e -> new EmotionTag(e.label(), e.intensity())).toList();
        return analyzer.analyze(new JournalEntry(body.text(), emotions, "self", body.locale()));
    }

    private static void requirePresent(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void requireAbsent(List<FieldError> errors, String field, Object value, String kind) {
        if (value != null) {
            errors.add(new FieldError(field, "is not allowed when kind is " + kind));
        }
    }
}
