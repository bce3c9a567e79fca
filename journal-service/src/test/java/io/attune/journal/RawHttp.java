package io.attune.journal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;

/**
 * A bare HTTP/1.1 POST over a socket. The service answers an oversized body with 413 as soon as it sees the
 * Content-Length and closes the connection; HTTP clients that insist on writing the whole body first see a
 * broken pipe instead of that answer.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The status and Content-Type of an answer. */
    public record Answer(int status, String contentType) {
    }

    /**
     * Sends the headers (as the test tenant's app; no Content-Type when {@code contentType} is null), reads an
     * early answer if there is one, else sends the body.
     */
    public static Answer post(int port, String path, String contentType, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: " + TestTokens.bearer(TestTokens.app(TestAuth.TENANT))
                    + (contentType == null ? "" : "\r\nContent-Type: " + contentType)
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine;
            try {
                statusLine = in.readLine();
            } catch (SocketTimeoutException waitingForBody) {
                socket.setSoTimeout(30_000);
                out.write(body);
                out.flush();
                statusLine = in.readLine();
            }
            if (statusLine == null) {
                throw new IllegalStateException("connection closed without a response");
            }
            String answerType = null;
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.toLowerCase().startsWith("content-type:")) {
                    answerType = header.substring("content-type:".length()).trim();
                }
            }
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), answerType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
