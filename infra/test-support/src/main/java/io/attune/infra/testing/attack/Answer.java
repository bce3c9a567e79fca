package io.attune.infra.testing.attack;

/** What a service answered: status, Content-Type, WWW-Authenticate and the body as text. */
public record Answer(int status, String contentType, String wwwAuthenticate, String body) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
