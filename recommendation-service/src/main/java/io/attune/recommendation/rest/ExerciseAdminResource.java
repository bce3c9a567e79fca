package io.attune.recommendation.rest;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.attune.chassis.ids.Ids;
import io.attune.chassis.problem.InvalidRequestException;
import io.attune.chassis.problem.ProblemException;
import io.attune.chassis.text.Text;
import io.attune.recommendation.policy.Exercise;
import io.attune.recommendation.store.ExerciseStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API of the exercise catalog. */
@Path("/api/v1/admin/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exercise catalog (admin)")
public class ExerciseAdminResource {

    /** Only admins write the catalog: what it holds is recommended to real clients. */
    static final String ADMIN = "admin";
    static final Set<String> DIMENSIONS = Set.of("acknowledgement", "mirroring", "inquiry", "exploration", "presence",
            "listening-balance", "emotional-awareness", "trigger-insight", "self-compassion", "acceptance",
            "mindfulness", "focus");
    static final Set<String> CONTEXTS = Set.of("self", "partner", "child", "friend", "colleague", "coachee", "other");

    /** An exercise as admins write it. */
    public record ExerciseRequest(
            @Text(max = 200, catalog = true) String title,
            @Text(max = 4000, catalog = true) String instructions,
            @NotNull @Min(1) @Max(240) Integer durationMinutes,
            @NotNull @Size(max = 12) List<@Text(max = 40, catalog = true) String> targetDimensions,
            @NotNull @Size(min = 1, max = 7) List<@Text(max = 40, catalog = true) String> contexts,
            @Size(max = 20) List<@Text(max = 300, catalog = true) String> contraindications,
            @Text(max = 300, catalog = true) String source) {
    }

    /** A new exercise: the request plus its id. */
    public record NewExercise(
            @NotNull @Pattern(regexp = Ids.EXERCISE_ID_REGEX, message = "must be kebab-case") @Size(max = 64)
            String id,
            @NotNull @Valid ExerciseRequest exercise) {
    }

    private final ExerciseStore exercises;
    private final Clock clock;

    public ExerciseAdminResource(ExerciseStore exercises, Clock clock) {
        this.exercises = exercises;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "List the catalog")
    public List<Exercise> list() {
        return exercises.all();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one exercise")
    public Exercise get(@PathParam("id") String id) {
        return exercises.find(id).orElseThrow(() -> new NotFoundException("No such exercise."));
    }

    @POST
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an exercise", description = "Admins only.")
    public Response create(@NotNull @Valid NewExercise body) {
        Exercise exercise = toExercise(body.id(), body.exercise(), "exercise.");
        if (!exercises.create(exercise, clock.instant())) {
            throw ProblemException.conflict("Exercise " + body.id() + " exists already; use PUT to change it.");
        }
        return Response.status(Response.Status.CREATED).entity(exercise)
                // A plain header stays relative; JAX-RS would resolve a URI against the caller's Host header.
                .header(HttpHeaders.LOCATION, "/api/v1/admin/exercises/" + body.id()).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an exercise", description = "Admins only. Admin edits survive later catalog upgrades.")
    public Exercise update(@PathParam("id") String id, @NotNull @Valid ExerciseRequest body) {
        Exercise exercise = toExercise(id, body, "");
        if (!exercises.update(exercise, clock.instant())) {
            throw new NotFoundException("No such exercise.");
        }
        return exercise;
    }

    private static Exercise toExercise(String id, ExerciseRequest body, String prefix) {
        InvalidRequestException.Collector errors = InvalidRequestException.collect();
        body.targetDimensions().forEach(d -> errors.check(DIMENSIONS.contains(d), prefix + "targetDimensions",
                "must contain only " + String.join(", ", DIMENSIONS.stream().sorted().toList())));
        body.contexts().forEach(c -> errors.check(CONTEXTS.contains(c), prefix + "contexts",
                "must contain only " + String.join(", ", CONTEXTS.stream().sorted().toList())));
        errors.orFail();
        return new Exercise(id, body.title(), body.instructions(), body.durationMinutes(), body.targetDimensions(),
                body.contexts(), body.contraindications() == null ? List.of() : body.contraindications(), body.source());
    }
}
