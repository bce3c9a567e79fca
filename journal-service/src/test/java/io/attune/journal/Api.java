package io.attune.journal;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Small request helpers shared by the integration tests; every test gets its own client id. */
public final class Api {

    public static final String ENTRIES = "/api/v1/clients/{clientId}/journal-entries";
    public static final String CONVERSATIONS = "/api/v1/clients/{clientId}/conversations";

    private Api() {
    }

    public static String newClientId(String purpose) {
        return purpose + "-" + UUID.randomUUID();
    }

    public static String entry(String text) {
        return "{\"text\":\"" + text + "\"}";
    }

    public static String conversation(String clientText) {
        return """
                {"relationship":"partner","clientSpeaker":"Steve","turns":[
                  {"speaker":"Ann","text":"My supervisor called me stupid again. I hate him!"},
                  {"speaker":"Steve","text":"%s"}]}""".formatted(clientText);
    }

    public static ValidatableResponse post(String path, String clientId, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path, clientId).then();
    }

    /** Posts and returns the accepted id, failing unless the answer is 202. */
    public static String accept(String path, String clientId, String json) {
        return post(path, clientId, json).statusCode(202).extract().path("id");
    }
}
