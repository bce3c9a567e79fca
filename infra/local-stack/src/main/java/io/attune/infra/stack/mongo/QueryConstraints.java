package io.attune.infra.stack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The conditions of a query filter that an index can narrow by: per field, a set of equal values ({@code v},
 * {@code $eq}, {@code $in}) or a range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}), taken from the
 * top level and from {@code $and}. Everything else ({@code $or}, {@code $ne}, {@code $exists}, regular
 * expressions, null, arrays and embedded documents as values, ...) is left out: each condition kept is implied
 * by the filter, so an index scan over them returns a superset of the matches, and the collection still tests
 * every candidate against the whole filter.
 */
final class QueryConstraints {

    /** One field's conditions; values are normalized like index keys (numbers as doubles). */
    static final class Field {
        List<Object> equal;
        Object lower;
        boolean lowerInclusive;
        Object upper;
        boolean upperInclusive;

        boolean hasRange() {
            return lower != null || upper != null;
        }
    }

    private final Map<String, Field> fields = new HashMap<>();

    private QueryConstraints() {
    }

    static QueryConstraints of(Document query) {
        QueryConstraints constraints = new QueryConstraints();
        if (query != null) {
            constraints.collect(query);
        }
        return constraints;
    }

    Field get(String field) {
        return fields.get(field);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    private void collect(Document query) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String key = condition.getKey();
            Object value = condition.getValue();
            if (key.equals("$and") && value instanceof Collection<?> clauses) {
                for (Object clause : clauses) {
                    if (clause instanceof Document document) {
                        collect(document);
                    }
                }
            } else if (!key.startsWith("$")) {
                collectField(key, value);
            }
        }
    }

    private void collectField(String field, Object value) {
        if (value instanceof Document operators) {
            if (operators.keySet().stream().noneMatch(op -> op.startsWith("$"))) {
                return; // equality with an embedded document
            }
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Object operand = operator.getValue();
                switch (operator.getKey()) {
                    case "$eq" -> {
                        if (plain(operand)) {
                            equal(field, List.of(operand));
                        }
                    }
                    case "$in" -> {
                        if (operand instanceof Collection<?> values && values.stream().allMatch(QueryConstraints::plain)) {
                            equal(field, new ArrayList<>(values));
                        }
                    }
                    case "$gt" -> lower(field, operand, false);
                    case "$gte" -> lower(field, operand, true);
                    case "$lt" -> upper(field, operand, false);
                    case "$lte" -> upper(field, operand, true);
                    default -> {
                        // not usable for bounds; the matcher applies it
                    }
                }
            }
        } else if (plain(value)) {
            equal(field, List.of(value));
        }
    }

    /** Values that compare like the index keys: no null (it also matches missing fields), arrays or documents. */
    private static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value)
                && !(value instanceof de.bwaldvogel.mongo.backend.Missing);
    }

    private static Object normalize(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    private Field field(String name) {
        return fields.computeIfAbsent(name, n -> new Field());
    }

    private void equal(String name, List<Object> values) {
        Field field = field(name);
        if (field.equal != null) {
            return; // any one of the conjuncts is a valid (superset) bound
        }
        TreeSet<Object> distinct = new TreeSet<>(KeyOrder.VALUES);
        values.forEach(value -> distinct.add(normalize(value)));
        field.equal = new ArrayList<>(distinct);
    }

    private void lower(String name, Object operand, boolean inclusive) {
        if (!plain(operand)) {
            return;
        }
        Field field = field(name);
        Object value = normalize(operand);
        int c = field.lower == null ? 1 : KeyOrder.VALUES.compare(value, field.lower);
        if (c > 0 || (c == 0 && !inclusive)) {
            field.lower = value;
            field.lowerInclusive = inclusive;
        }
    }

    private void upper(String name, Object operand, boolean inclusive) {
        if (!plain(operand)) {
            return;
        }
        Field field = field(name);
        Object value = normalize(operand);
        int c = field.upper == null ? -1 : KeyOrder.VALUES.compare(value, field.upper);
        if (c < 0 || (c == 0 && !inclusive)) {
            field.upper = value;
            field.upperInclusive = inclusive;
        }
    }
}
