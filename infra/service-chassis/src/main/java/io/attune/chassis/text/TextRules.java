package io.attune.chassis.text;

/**
 * What counts as text in the API, the same in every service:
 * <ul>
 * <li>length is counted in Unicode code points, as a person counts characters: an emoji is one, not two UTF-16
 * units;</li>
 * <li>blank means no visible character: whitespace (including NBSP and the other Unicode spaces), zero-width
 * characters, the byte-order mark and other format characters do not count;</li>
 * <li>control characters other than newline and tab are refused (NUL truncates text in other systems, and
 * escape sequences reach terminals reading logs or exports); a carriage return is allowed only as part of a CRLF
 * line ending, which apps on Windows send;</li>
 * <li>in catalog text, which is shown to every client, bidirectional overrides and isolates are refused too: they
 * can make text display differently from what it says.</li>
 * </ul>
 */
public final class TextRules {

    private TextRules() {
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** True when {@code text} holds no visible character. */
    public static boolean isBlank(String text) {
        return text.codePoints().noneMatch(TextRules::visible);
    }

    /**
     * True when {@code text} holds a control character other than newline, tab and the carriage return of a CRLF,
     * or a lone surrogate.
     */
    public static boolean hasForbiddenControl(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean lineEnding = c == '\n' || c == '\t' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
            if ((Character.getType(c) == Character.CONTROL && !lineEnding) || Character.getType(c) == Character.SURROGATE) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** True when {@code text} holds a bidirectional embedding, override or isolate character. */
    public static boolean hasBidiControl(String text) {
        return text.codePoints().anyMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
    }

    private static boolean visible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            // Cc, Cf (zero-width space/joiners, BOM, bidi marks), unassigned, private use and surrogates show nothing.
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.SURROGATE -> false;
            default -> c != 0x115F && c != 0x1160 && c != 0x3164 && c != 0xFFA0; // Hangul fillers render blank
        };
    }
}
