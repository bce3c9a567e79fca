package io.attune.infra.testing.fuzz;

import java.util.List;
import java.util.Map;

/**
 * One HTTP/1.1 request exactly as it goes on the wire: the request target is sent unencoded and unchecked, headers
 * may repeat, and the body may be chunked. HTTP client libraries refuse or repair most of what a fuzz suite sends.
 *
 * @param headers  name and value pairs, in order (a name may repeat)
 * @param body     null for none
 * @param chunked  send the body with {@code Transfer-Encoding: chunked} instead of a Content-Length
 */
public record RawRequest(String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
        boolean chunked) {

    @Override
    public String toString() {
        String shown = target.length() > 120 ? target.substring(0, 120) + "...(" + target.length() + " chars)" : target;
        return method + " " + shown + (body == null ? "" : " [" + body.length + " body bytes" + (chunked ? ", chunked" : "")
                + "]");
    }
}
