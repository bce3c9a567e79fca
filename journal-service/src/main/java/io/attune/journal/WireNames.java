package io.attune.journal;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Lower-case wire names for enums, with an error message that lists the accepted values. */
final class WireNames {

    private WireNames() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase()).collect(Collectors.joining(", ")));
    }
}
