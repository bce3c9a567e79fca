package io.attune.infra.testing.attack;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.restassured.path.json.JsonPath;

/**
 * A service's attack suite as data: for every endpoint, the rows of who calls it about whom and what must happen.
 * {@link #assertCovers} fails when an endpoint of the service lacks a row for some {@link Threat} or lacks a row
 * in which the right caller succeeds; {@link #run} sends every row and counts
 * <ul>
 * <li>unauthorised reads: a 2xx where a refusal was expected on a read, the planted secret in any answer the
 * caller may not read words in, or the client's id in a successful answer to an outsider;</li>
 * <li>unauthorised writes: a 2xx where a refusal was expected on a write, or a refused write that still changed
 * the state it aimed at;</li>
 * </ul>
 * and checks that every 401, 403 and 404 is an RFC 7807 problem (401s with {@code WWW-Authenticate: Bearer}).
 *
 * @param <T> what a row is about (the client, the item, the coach), as the service's endpoints need it
 */
public final class AttackTable<T extends AttackTable.Target> {

    /** What a request is about; {@link #clientId()} may be null for endpoints about no client. */
    public interface Target {
        String clientId();
    }

    /** Whether a row reads or changes something. */
    public enum Mode {
        READ, WRITE
    }

    /** One row: a caller, what it is about, and the status it must get. */
    public record Row<T>(Endpoint endpoint, Mode mode, Threat threat, String caller, T target, int expected,
            boolean mayReadWords, Supplier<Answer> send, Supplier<Object> state) {

        boolean refusalExpected() {
            return expected < 200 || expected >= 300;
        }

        @Override
        public String toString() {
            return String.format("%-6s %-60s %-22s %-40s -> %d", endpoint.method(), endpoint.template(), threat,
                    caller, expected);
        }
    }

    /** What a run found. */
    public record Outcome(int rows, int unauthorisedReads, int unauthorisedWrites, List<String> findings) {
    }

    private final String secret;
    private final List<Row<T>> rows = new ArrayList<>();

    /** @param secret a phrase planted in the clients' words that no refused or redacted answer may contain */
    public AttackTable(String secret) {
        this.secret = secret;
    }

    /**
     * Starts the rows of one endpoint.
     *
     * @param request sends the request as the given token (null for none) about the given target
     */
    public EndpointRows endpoint(String spec, Mode mode, BiFunction<String, T, Answer> request) {
        return new EndpointRows(Endpoint.of(spec), mode, request);
    }

    public List<Row<T>> rows() {
        return List.copyOf(rows);
    }

    /** The rows of one endpoint, added fluently. */
    public final class EndpointRows {

        private final Endpoint endpoint;
        private final Mode mode;
        private final BiFunction<String, T, Answer> request;
        private Function<T, Object> state;

        EndpointRows(Endpoint endpoint, Mode mode, BiFunction<String, T, Answer> request) {
            this.endpoint = endpoint;
            this.mode = mode;
            this.request = request;
        }

        /** For a write: what a refused request must leave unchanged, read before and after it. */
        public EndpointRows state(Function<T, Object> probe) {
            this.state = probe;
            return this;
        }

        /** The four token attacks, each presenting a forged or missing copy of {@code legitimate}'s token: 401. */
        public EndpointRows tokenAttacks(Identity legitimate, T target) {
            for (Threat threat : Threat.TOKEN_ATTACKS) {
                add(threat, threat.name().toLowerCase() + " of " + legitimate, target, 401, false,
                        () -> legitimate.forged(threat));
            }
            return this;
        }

        /** A row that must be refused with {@code status}, or a threat whose caller is allowed (2xx) by design. */
        public EndpointRows row(Threat threat, Identity caller, T target, int status) {
            return add(threat, caller.toString(), target, status, false, caller::token);
        }

        /** A caller who may read the client's words in the answer. */
        public EndpointRows allowed(Identity caller, T target, int status) {
            return add(Threat.LEGITIMATE, caller.toString(), target, status, true, caller::token);
        }

        private EndpointRows add(Threat threat, String caller, T target, int status, boolean mayReadWords,
                Supplier<String> token) {
            Function<T, Object> probe = state;
            rows.add(new Row<>(endpoint, mode, threat, caller, target, status, mayReadWords,
                    () -> request.apply(token.get(), target), probe == null ? null : () -> probe.apply(target)));
            return this;
        }
    }

    /**
     * Fails unless every endpoint of {@code inventory} has a row for every {@link Threat#required() threat} and a
     * row in which the caller succeeds, and every row is about an endpoint of the inventory.
     */
    public void assertCovers(Set<Endpoint> inventory) {
        Map<Endpoint, Set<Threat>> threats = new TreeMap<>();
        Set<Endpoint> working = new TreeSet<>();
        for (Row<T> row : rows) {
            threats.computeIfAbsent(row.endpoint(), e -> EnumSet.noneOf(Threat.class)).add(row.threat());
            if (!row.refusalExpected()) {
                working.add(row.endpoint());
            }
        }
        List<String> gaps = new ArrayList<>();
        for (Endpoint endpoint : inventory) {
            Set<Threat> missing = EnumSet.copyOf(Threat.required());
            missing.removeAll(threats.getOrDefault(endpoint, Set.of()));
            if (!missing.isEmpty()) {
                gaps.add(endpoint + " has no row for " + missing);
            }
            if (!working.contains(endpoint)) {
                gaps.add(endpoint + " has no row in which the right caller succeeds");
            }
        }
        for (Endpoint endpoint : threats.keySet()) {
            if (!inventory.contains(endpoint)) {
                gaps.add(endpoint + " has rows but the service has no such endpoint");
            }
        }
        if (!gaps.isEmpty()) {
            throw new AssertionError("The attack table does not cover the service:\n  " + String.join("\n  ", gaps));
        }
    }

    /** Sends every row in order and reports what it found; see the class comment for what counts. */
    public Outcome run() {
        int reads = 0;
        int writes = 0;
        List<String> findings = new ArrayList<>();
        Map<Threat, int[]> perThreat = new LinkedHashMap<>();
        for (Row<T> row : rows) {
            boolean probed = row.mode() == Mode.WRITE && row.refusalExpected() && row.state() != null;
            Object before = probed ? row.state().get() : null;
            Answer answer = row.send().get();
            Object after = probed ? row.state().get() : null;
            perThreat.computeIfAbsent(row.threat(), t -> new int[2])[answer.successful() ? 0 : 1]++;

            boolean unauthorisedRead = false;
            boolean unauthorisedWrite = false;
            if (row.refusalExpected() && answer.successful()) {
                unauthorisedRead = row.mode() == Mode.READ;
                unauthorisedWrite = row.mode() == Mode.WRITE;
                findings.add("UNAUTHORISED " + row.mode() + ": " + row + " but got " + answer.status());
            } else if (answer.status() != row.expected()) {
                findings.add("WRONG STATUS: " + row + " but got " + answer.status() + " "
                        + excerpt(answer.body()));
            }
            if (probed && !Objects.equals(before, after)) {
                unauthorisedWrite = true;
                findings.add("UNAUTHORISED WRITE: " + row + " changed " + before + " into " + after);
            }
            if (!row.mayReadWords() && answer.body() != null && answer.body().contains(secret)) {
                unauthorisedRead = true;
                findings.add("UNAUTHORISED READ: " + row + " answered with the client's words: "
                        + excerpt(answer.body()));
            }
            String clientId = row.target() == null ? null : row.target().clientId();
            if (row.threat().outsider() && answer.successful() && clientId != null && answer.body() != null
                    && answer.body().contains(clientId)) {
                unauthorisedRead = true;
                findings.add("UNAUTHORISED READ: " + row + " learned of the client: " + excerpt(answer.body()));
            }
            reads += unauthorisedRead ? 1 : 0;
            writes += unauthorisedWrite ? 1 : 0;
            String problem = problemDefect(answer);
            if (problem != null) {
                findings.add("NOT A PROBLEM: " + row + ": " + problem);
            }
        }
        System.out.printf("Attack suite: %d rows; unauthorised reads: %d; unauthorised writes: %d; findings: %d%n",
                rows.size(), reads, writes, findings.size());
        perThreat.forEach((threat, counts) -> System.out.printf("  %-22s %3d succeeded, %3d refused%n", threat,
                counts[0], counts[1]));
        findings.forEach(finding -> System.out.println("  " + finding));
        return new Outcome(rows.size(), reads, writes, List.copyOf(findings));
    }

    /** Runs the table and fails on any finding, reporting them all. */
    public void assertNoBreach() {
        Outcome outcome = run();
        if (outcome.unauthorisedReads() != 0 || outcome.unauthorisedWrites() != 0 || !outcome.findings().isEmpty()) {
            throw new AssertionError("Attack suite: " + outcome.unauthorisedReads() + " unauthorised reads, "
                    + outcome.unauthorisedWrites() + " unauthorised writes, " + outcome.findings().size()
                    + " findings in " + outcome.rows() + " rows:\n  " + String.join("\n  ", outcome.findings()));
        }
    }

    private static String excerpt(String body) {
        return body == null || body.length() <= 600 ? body : body.substring(0, 600) + "...";
    }

    /** Null when a 401, 403 or 404 is a proper problem (and other statuses are not checked); else what is wrong. */
    static String problemDefect(Answer answer) {
        int status = answer.status();
        if (status != 401 && status != 403 && status != 404) {
            return null;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "Content-Type " + answer.contentType();
        }
        JsonPath problem;
        try {
            problem = JsonPath.from(answer.body());
        } catch (RuntimeException e) {
            return "body is not JSON: " + answer.body();
        }
        for (String field : List.of("type", "title", "detail")) {
            Object value = problem.get(field);
            if (!(value instanceof String text) || text.isBlank()) {
                return "no " + field + " in " + answer.body();
            }
        }
        if (!Objects.equals(problem.get("status"), status)) {
            return "status field " + problem.get("status") + " in a " + status;
        }
        if (status == 401 && (answer.wwwAuthenticate() == null || !answer.wwwAuthenticate().startsWith("Bearer"))) {
            return "401 without WWW-Authenticate: Bearer";
        }
        return null;
    }
}
