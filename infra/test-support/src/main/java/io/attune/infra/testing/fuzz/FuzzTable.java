package io.attune.infra.testing.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.attune.infra.testing.attack.Endpoint;
import io.restassured.path.json.JsonPath;

/**
 * A service's edge fuzz suite as data: a valid call of every operation, broken by every applicable
 * {@link Mutation}. {@link #assertCovers} fails when an endpoint of the service has no operation here (so a new
 * endpoint cannot escape the suite); {@link #run} sends every (operation, mutation) pair once, then random pairs
 * with fresh random sizes up to the requested total, all from one seed so that a failure can be replayed, and
 * reports every answer that breaks the rules:
 * <ul>
 * <li>no 5xx;</li>
 * <li>every 4xx is {@code application/problem+json} with a type, a title and its status, and a 400, 413, 414 or
 * 431 names the field, parameter or header at fault in {@code errors};</li>
 * <li>the status the mutation calls for (a matrix parameter is a 400, never an erasure);</li>
 * <li>no stack trace in the service's logs.</li>
 * </ul>
 */
public final class FuzzTable {

    private static final Set<Integer> NAMES_THE_FIELD = Set.of(400, 413, 414, 431);

    private final List<Operation> operations = new ArrayList<>();
    private final List<Mutation> mutations;

    public FuzzTable() {
        this(Mutations.all());
    }

    FuzzTable(List<Mutation> mutations) {
        this.mutations = List.copyOf(mutations);
    }

    /**
     * Adds an operation.
     *
     * @param spec       {@code "POST /api/v1/clients/{clientId}/journal-entries"}, as the inventory names it
     * @param parameters valid values of the path parameters
     * @param body       a valid JSON body, or null
     */
    public FuzzTable operation(String spec, Map<String, String> parameters, String body, String token) {
        return add(new Operation(Endpoint.of(spec), parameters, body, token, false, false));
    }

    /** An operation that reads {@code limit} and {@code cursor}. */
    public FuzzTable paged(String spec, Map<String, String> parameters, String token) {
        return add(new Operation(Endpoint.of(spec), parameters, null, token, true, false));
    }

    /** An operation whose body is catalog text. */
    public FuzzTable catalog(String spec, Map<String, String> parameters, String body, String token) {
        return add(new Operation(Endpoint.of(spec), parameters, body, token, false, true));
    }

    private FuzzTable add(Operation operation) {
        operations.add(operation);
        return this;
    }

    /** Fails unless every endpoint of {@code inventory} has an operation, and every operation is an endpoint. */
    public void assertCovers(Set<Endpoint> inventory) {
        Set<Endpoint> here = new TreeSet<>();
        operations.forEach(operation -> here.add(operation.endpoint()));
        List<String> gaps = new ArrayList<>();
        inventory.stream().filter(endpoint -> !here.contains(endpoint))
                .forEach(endpoint -> gaps.add(endpoint + " has no operation in the fuzz table"));
        here.stream().filter(endpoint -> !inventory.contains(endpoint))
                .forEach(endpoint -> gaps.add(endpoint + " is in the fuzz table but the service has no such endpoint"));
        if (!gaps.isEmpty()) {
            throw new AssertionError("The fuzz table does not cover the service:\n  " + String.join("\n  ", gaps));
        }
    }

    /** What a run found. */
    public record Outcome(int requests, Map<String, Integer> perMutation, List<String> findings) {
    }

    /** Sends at least {@code total} requests (and at least every pair once) to the service on {@code port}. */
    public Outcome run(int port, long seed, int total) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        for (Operation operation : operations) {
            for (Mutation mutation : mutations) {
                if (mutation.appliesTo().test(operation)) {
                    cases.add(new Case(operation, mutation));
                }
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no operations in the fuzz table");
        }
        List<String> findings = new ArrayList<>();
        Map<String, Integer> perMutation = new TreeMap<>();
        int sent = 0;
        try (LogWatch logs = LogWatch.start()) {
            for (int i = 0; i < Math.max(total, cases.size()); i++) {
                Case next = i < cases.size() ? cases.get(i) : cases.get(random.nextInt(cases.size()));
                RawRequest request = next.mutation().make().apply(random, next.operation());
                RawResponse response = RawClient.send(port, request);
                sent++;
                perMutation.merge(next.mutation().name(), 1, Integer::sum);
                String defect = defect(next.mutation().expect(), response);
                if (defect != null) {
                    findings.add("#" + i + " " + next.operation() + " / " + next.mutation() + ": " + request + " -> "
                            + defect);
                }
            }
            logs.stackTraces().forEach(trace -> findings.add("stack trace in the logs: " + trace));
        }
        System.out.printf("Edge fuzz (seed %d): %d requests over %d operations and %d mutations; findings: %d%n",
                seed, sent, operations.size(), mutations.size(), findings.size());
        findings.stream().limit(20).forEach(finding -> System.out.println("  " + finding));
        return new Outcome(sent, perMutation, List.copyOf(findings));
    }

    /** Runs and fails on any finding, listing them. */
    public void assertClean(int port, long seed, int total) {
        Outcome outcome = run(port, seed, total);
        if (!outcome.findings().isEmpty()) {
            // Three examples of each kind of finding: one broken rule can fail hundreds of requests.
            Map<String, List<String>> byKind = new TreeMap<>();
            for (String finding : outcome.findings()) {
                String kind = finding.contains(": ") ? finding.substring(finding.indexOf(' ') + 1, finding.indexOf(": "))
                        : finding;
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(finding);
            }
            StringBuilder report = new StringBuilder();
            byKind.forEach((kind, findings) -> {
                report.append("\n  ").append(findings.size()).append(" x ").append(kind);
                findings.stream().limit(3).forEach(finding -> report.append("\n      ").append(finding));
            });
            throw new AssertionError("Edge fuzz (seed " + seed + "): " + outcome.findings().size() + " findings in "
                    + outcome.requests() + " requests:" + report);
        }
    }

    private record Case(Operation operation, Mutation mutation) {
    }

    /** Null when the answer follows the rules, else what is wrong. */
    static String defect(Expect expect, RawResponse response) {
        int status = response.status();
        if (status >= 500) {
            return "server error " + status + ": " + excerpt(response.body());
        }
        String expected = expect.check(status);
        if (expected != null) {
            return expected + ": " + excerpt(response.body());
        }
        if (status < 400) {
            return null;
        }
        if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
            return status + " with Content-Type " + response.contentType() + " and body " + excerpt(response.body());
        }
        JsonPath problem;
        try {
            problem = JsonPath.from(response.body());
        } catch (RuntimeException e) {
            return status + " with a body that is not JSON: " + excerpt(response.body());
        }
        for (String field : List.of("type", "title")) {
            if (!(problem.get(field) instanceof String text) || text.isBlank()) {
                return status + " problem without " + field + ": " + excerpt(response.body());
            }
        }
        if (!Objects.equals(problem.get("status"), status)) {
            return status + " problem with status " + problem.get("status");
        }
        if (NAMES_THE_FIELD.contains(status)) {
            List<Map<String, Object>> errors = problem.getList("errors");
            if (errors == null || errors.isEmpty() || errors.stream().anyMatch(error -> !(error.get("field") instanceof String f)
                    || f.isBlank() || !(error.get("reason") instanceof String reason) || reason.isBlank())) {
                return status + " problem that does not name the field at fault: " + excerpt(response.body());
            }
        }
        return null;
    }

    private static String excerpt(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
