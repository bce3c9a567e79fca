package io.attune.infra.testing.fuzz;

/** What a mutated request must get, beyond what every answer must satisfy (no 5xx, a problem on every 4xx). */
public record Expect(int status, boolean refused) {

    /** Any answer but a 5xx: the mutation may well be valid input. */
    public static final Expect ANSWERED = new Expect(0, false);
    /** A 4xx of any kind: the input is wrong, though several checks may catch it first. */
    public static final Expect REFUSED = new Expect(0, true);

    public static Expect status(int status) {
        return new Expect(status, true);
    }

    /** Null when {@code actual} meets the expectation, else what is wrong. */
    String check(int actual) {
        if (status != 0 && actual != status) {
            return "expected " + status + " but got " + actual;
        }
        if (refused && (actual < 400 || actual >= 500)) {
            return "expected a refusal (4xx) but got " + actual;
        }
        return null;
    }

    @Override
    public String toString() {
        return status != 0 ? String.valueOf(status) : refused ? "4xx" : "no 5xx";
    }
}
