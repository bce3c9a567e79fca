package io.attune.infra.load;

import java.util.Locale;

/**
 * The share of conversation samples among the submissions; the rest are journal entries. Submission {@code i}'s
 * kind is fixed by its index (spread evenly, like a line drawn on a grid), so a run is repeatable and the
 * counts match the shares to within one.
 */
record Mix(double conversationShare) {

    enum Kind {
        CONVERSATION, JOURNAL
    }

    Mix {
        if (!(conversationShare >= 0 && conversationShare <= 1)) {
            throw new IllegalArgumentException("conversation share must be within [0, 1]");
        }
    }

    /** Parses {@code conversation:0.7,journal:0.3}; weights need not add up to 1, and a missing kind weighs 0. */
    static Mix parse(String spec) {
        double conversation = 0;
        double journal = 0;
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected kind:weight, got '" + part.trim() + "'");
            }
            double weight;
            try {
                weight = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of " + kv[0].trim() + " is not a number: " + kv[1].trim());
            }
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of " + kv[0].trim() + " must be a finite number >= 0");
            }
            switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "conversation", "conversations" -> conversation += weight;
                case "journal", "journal-entries", "journal-entry" -> journal += weight;
                default -> throw new IllegalArgumentException("unknown kind '" + kv[0].trim()
                        + "'; use conversation and journal");
            }
        }
        if (conversation + journal == 0) {
            throw new IllegalArgumentException("the weights add up to 0");
        }
        return new Mix(conversation / (conversation + journal));
    }

    Kind kindOf(long index) {
        long before = (long) Math.floor(index * conversationShare);
        long after = (long) Math.floor((index + 1) * conversationShare);
        return after > before ? Kind.CONVERSATION : Kind.JOURNAL;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "conversation:%.2f,journal:%.2f", conversationShare, 1 - conversationShare);
    }
}
