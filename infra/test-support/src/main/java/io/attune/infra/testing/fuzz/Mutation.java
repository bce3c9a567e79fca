package io.attune.infra.testing.fuzz;

import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * One way of breaking a valid request, and what the service must answer.
 *
 * @param appliesTo which operations the mutation makes sense for (a body mutation needs a body)
 */
public record Mutation(String name, Expect expect, Predicate<Operation> appliesTo,
        BiFunction<Random, Operation, RawRequest> make) {

    @Override
    public String toString() {
        return name;
    }
}
