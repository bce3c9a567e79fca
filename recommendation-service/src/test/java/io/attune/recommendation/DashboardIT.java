package io.attune.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.attune.infra.testing.AttuneStackResource;
import io.attune.infra.testing.TestAuth;
import io.attune.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coach dashboard in a real browser: Debian's chromium, driven through its chromedriver (given explicitly, so
 * Selenium Manager never reaches for the network). Scores, consent and assignments arrive over Kafka as the other
 * services publish them. Screenshots of each page go to target/dashboard-screenshots on every run.
 */
@QuarkusTest
@QuarkusTestResource(AttuneStackResource.class)
@QuarkusTestResource(value = JournalStub.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration LIVE = Duration.ofSeconds(2);
    private static final Duration PAGE = Duration.ofSeconds(20);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String COACH = "coach-dash-" + RUN;
    private static final String OTHER_COACH = "coach-other-" + RUN;
    private static final String SHARING = "dash-sharing-" + RUN;
    private static final String PRIVATE = "dash-private-" + RUN;
    private static final String UNASSIGNED = "dash-unassigned-" + RUN;

    private static ChromeDriver browser;
    private static Path profile;
    private static String sharingLatest;
    private static boolean seeded;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @BeforeAll
    static void startBrowser() throws IOException {
        TestAuth.actAsApp();
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("attune-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Two clients of the coach (one sharing their words, one not) and one of another coach, with scores. */
    private static synchronized void seed() {
        if (seeded) {
            return;
        }
        KafkaTestClient.grantAccess(SHARING, List.of(COACH), true);
        KafkaTestClient.grantAccess(PRIVATE, List.of(COACH), false);
        KafkaTestClient.grantAccess(UNASSIGNED, List.of(OTHER_COACH), true);
        Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        ScoreEvent first = ScoreEvent.misattunedConversation(SHARING).scoredAt(start);
        ScoreEvent second = ScoreEvent.misattunedConversation(SHARING).overall(45).scoredAt(start.plus(1, ChronoUnit.DAYS));
        ScoreEvent third = ScoreEvent.attunedConversation(SHARING).scoredAt(start.plus(2, ChronoUnit.DAYS));
        // One the chips can rebuild exactly: two spans of the same turn, placed by their offsets.
        ScoreEvent latest = ScoreEvent.conversation(SHARING, "partner").overall(52)
                .scoredAt(start.plus(3, ChronoUnit.DAYS)).dimension("acknowledgement", 40)
                .dimension("mirroring", 45).dimension("inquiry", 55).dimension("exploration", 50)
                .dimension("presence", 60).dimension("listening-balance", 62)
                .keyMoment(0, "closing-comment", -20);
        latest = withSpans(latest);
        JournalStub.conversation(SHARING, latest.sourceId(), "That sucks! Just forget it. Let's eat.", "Okay.");
        for (ScoreEvent score : List.of(first, second, third, latest)) {
            KafkaTestClient.publish(score);
        }
        sharingLatest = latest.scoreId();
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(PRIVATE));
        KafkaTestClient.publish(ScoreEvent.phoneAtDinnerJournal(UNASSIGNED));
        await().atMost(RecommendationApi.WAIT).until(() -> RecommendationApi.profile(SHARING).extract().jsonPath()
                .getInt("scores") == 4 && RecommendationApi.profile(PRIVATE).extract().jsonPath().getInt("scores") == 1);
        seeded = true;
    }

    private static ScoreEvent withSpans(ScoreEvent score) {
        return score.span("acknowledgement", 0, 0, "That sucks!", "generic-reaction", -10)
                .span("exploration", 0, 12, "Just forget it.", "closing-comment", -20)
                .span("mirroring", 0, 0, "That sucks! Just", "affect-not-mirrored", -5);
    }

    @Test
    @Order(1)
    void aCoachSignsInAndTheRosterShowsExactlyTheirClients() {
        seed();
        browser.get(dashboard.toString());
        wait(PAGE).until(ExpectedConditions.urlContains("/dashboard/sign-in"));
        browser.findElement(By.id("token")).sendKeys(TestTokens.coach(TestAuth.TENANT, COACH));
        browser.findElement(By.id("sign-in")).click();

        wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("roster")));
        assertThat(browser.findElement(By.id("coach-id")).getText()).isEqualTo(COACH);
        List<String> clients = browser.findElements(By.cssSelector("#roster tbody tr")).stream()
                .map(row -> row.getAttribute("data-client")).toList();
        assertThat(clients).containsExactlyInAnyOrder(SHARING, PRIVATE);
        assertThat(row(SHARING).findElement(By.cssSelector("td.consent")).getText()).isEqualTo("words shared");
        assertThat(row(PRIVATE).findElement(By.cssSelector("td.consent")).getText()).isEqualTo("words not shared");

        // Search and sort work in the page.
        browser.findElement(By.id("roster-search")).sendKeys("private");
        assertThat(browser.findElements(By.cssSelector("#roster tbody tr")).stream().filter(WebElement::isDisplayed)
                .map(r -> r.getAttribute("data-client")).toList()).containsExactly(PRIVATE);
        browser.findElement(By.id("roster-search")).clear();
        browser.findElement(By.id("roster-search")).sendKeys(" ");
        new Select(browser.findElement(By.id("roster-sort"))).selectByValue("client");
        assertThat(browser.findElements(By.cssSelector("#roster tbody tr")).stream()
                .map(r -> r.getAttribute("data-client")).toList()).containsExactly(PRIVATE, SHARING);
        assertThat(browser.getCurrentUrl()).doesNotContain("private");

        // The session is an HttpOnly cookie: page scripts cannot read the token.
        assertThat((String) ((JavascriptExecutor) browser).executeScript("return document.cookie")).isEmpty();
        screenshot("roster");
    }

    @Test
    @Order(2)
    void anUnassignedClientsPageIsRefused() {
        signedIn();
        browser.get(url("clients/" + UNASSIGNED));
        assertThat(wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("refused"))).getText())
                .contains("not on your roster");
        assertThat(browser.getPageSource()).doesNotContain("phone");

        String cookie = browser.manage().getCookieNamed("attune_dashboard").getValue();
        TestAuth.anonymous().cookie("attune_dashboard", cookie).redirects().follow(false)
                .get("/dashboard/clients/{clientId}", UNASSIGNED).then().statusCode(404);
        TestAuth.anonymous().cookie("attune_dashboard", cookie).redirects().follow(false)
                .get("/dashboard/clients/{clientId}/chart", UNASSIGNED).then().statusCode(404);
        // Without a session a browser is sent to sign in; any other caller gets the API's 401.
        TestAuth.anonymous().accept("text/html").redirects().follow(false)
                .get("/dashboard/clients/{clientId}", SHARING).then()
                .statusCode(303).header("Location", endsWith("/dashboard/sign-in.html"));
        TestAuth.anonymous().redirects().follow(false).get("/dashboard/clients/{clientId}", SHARING).then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        // A proxy that signs coaches in with the OIDC provider passes the token as a bearer token instead.
        TestAuth.as(TestTokens.coach(TestAuth.TENANT, COACH)).accept("text/html").get("/dashboard/").then()
                .statusCode(200).body(containsString(SHARING));
    }

    @Test
    @Order(2)
    void stateChangingRequestsFromAnotherSiteAreRefused() {
        signedIn();
        String cookie = browser.manage().getCookieNamed("attune_dashboard").getValue();
        // A form of another site that posts a token of its own (login CSRF).
        TestAuth.anonymous().header("Sec-Fetch-Site", "cross-site").contentType("application/x-www-form-urlencoded")
                .formParam("token", TestTokens.coach(TestAuth.TENANT, "coach-attacker-" + RUN))
                .post("/dashboard/sign-in").then().statusCode(403).contentType("application/problem+json");
        TestAuth.anonymous().header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("token", TestTokens.coach(TestAuth.TENANT, "coach-attacker-" + RUN))
                .post("/dashboard/sign-in").then().statusCode(403);
        // An acknowledgement without htmx's header, as a plain cross-site form would send it.
        TestAuth.anonymous().cookie("attune_dashboard", cookie).header("Sec-Fetch-Site", "same-origin")
                .post("/dashboard/clients/{clientId}/alerts/{alertId}/acknowledgement", SHARING, "no-such-alert")
                .then().statusCode(403);
    }

    @Test
    @Order(3)
    void theChartHasOneSeriesPerDimensionWithThresholdLines() {
        signedIn();
        // The client's feedback on one recommendation, step by step.
        String recommendation = (String) RecommendationApi.awaitAtLeast(SHARING, 1).stream()
                .filter(r -> "active".equals(r.get("status"))).findFirst().orElseThrow().get("id");
        RecommendationApi.feedback(SHARING, recommendation, "{\"status\":\"viewed\"}").statusCode(200);
        RecommendationApi.feedback(SHARING, recommendation, "{\"status\":\"completed\",\"helpful\":4}")
                .statusCode(200);
        browser.get(url("clients/" + SHARING));
        WebElement canvas = wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("canvas#chart[data-ready='true']")));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(arguments[0]).data.datasets.map(function (d) { return d.label; })", canvas);
        assertThat(labels).containsExactly("overall", "acknowledgement", "exploration", "inquiry",
                "listening-balance", "mirroring", "presence");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> annotations = (Map<String, Map<String, Object>>) ((JavascriptExecutor) browser)
                .executeScript("return Chart.getChart(arguments[0]).options.plugins.annotation.annotations", canvas);
        assertThat(annotations.values()).extracting(a -> ((Number) a.get("yMin")).intValue())
                .containsExactlyInAnyOrder(60, 42);
        assertThat(annotations.values()).allSatisfy(a -> assertThat(a).containsEntry("type", "line"));

        // First vs latest, coloured by direction: overall went from 28 to 52.
        WebElement overall = browser.findElement(By.cssSelector("input[data-series='overall']"))
                .findElement(By.xpath("..")).findElement(By.cssSelector(".delta"));
        assertThat(overall.getText()).isEqualTo("28 → 52 (+24)");
        assertThat(overall.getAttribute("class")).contains("delta-up");

        // Recommendations with their status and every feedback step.
        assertThat(browser.findElements(By.cssSelector("#recommendation-table ol.history li")))
                .extracting(WebElement::getText)
                .anySatisfy(step -> assertThat(step).startsWith("viewed ·"))
                .anySatisfy(step -> assertThat(step).startsWith("completed, helpful 4/5 ·"));

        // A toggle hides its series.
        browser.findElement(By.cssSelector("input[data-series='presence']")).click();
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return Chart.getChart(arguments[0]).isDatasetVisible(6)", canvas)).isFalse();
        screenshot("client");
    }

    @Test
    @Order(4)
    void clickingAPointOpensThatAssessmentWithEvidenceChipsInTheText() {
        signedIn();
        browser.get(url("clients/" + SHARING));
        WebElement canvas = wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("canvas#chart[data-ready='true']")));
        // The latest point of the overall series, where Chart.js drew it.
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript(
                "var c = Chart.getChart(arguments[0]); var m = c.getDatasetMeta(0).data;"
                        + "var p = m[m.length - 1]; return {x: p.x, y: p.y};", canvas);
        int dx = (int) Math.round(at.get("x").doubleValue() - canvas.getSize().getWidth() / 2.0);
        int dy = (int) Math.round(at.get("y").doubleValue() - canvas.getSize().getHeight() / 2.0);
        new Actions(browser).moveToElement(canvas, dx, dy).click().perform();

        wait(PAGE).until(ExpectedConditions.urlContains("/assessments/" + sharingLatest));
        List<WebElement> chips = wait(PAGE).until(
                ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#words mark.chip")));
        // The client's text from journal-service, asked for with the coach's own token, with the chips' signal
        // labels left out: the evidence sits in place inside it.
        String text = (String) ((JavascriptExecutor) browser).executeScript("var q = document.querySelector("
                + "'#words blockquote.client-text').cloneNode(true);"
                + "q.querySelectorAll('.chip-signals').forEach(function (s) { s.remove(); }); return q.textContent;");
        assertThat(text).isEqualTo("That sucks! Just forget it. Let's eat.");
        assertThat(browser.findElements(By.cssSelector("#words blockquote.client-text"))).hasSize(2);
        assertThat(browser.findElement(By.id("words-source")).getText()).contains("from journal-service");
        assertThat(JournalStub.AUTHORIZATIONS).anySatisfy(header -> assertThat(new String(Base64
                .getUrlDecoder().decode(header.split("\\.")[1]), StandardCharsets.UTF_8))
                .contains("\"sub\":\"" + COACH + "\""));
        assertThat(chips).extracting(chip -> chip.findElement(By.cssSelector(".chip-signals")).getText())
                .anySatisfy(signals -> assertThat(signals).contains("closing-comment (exploration)"))
                .anySatisfy(signals -> assertThat(signals).contains("generic-reaction (acknowledgement)"));
        assertThat(browser.findElements(By.cssSelector(".moments li"))).hasSize(1);
        screenshot("assessment");
    }

    @Test
    @Order(5)
    void revokingConsentHidesTheTextWithinTwoSeconds() {
        signedIn();
        browser.get(url("clients/" + SHARING + "/assessments/" + sharingLatest));
        wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#words mark.chip")));
        awaitLiveStream();

        KafkaTestClient.grantAccess(SHARING, List.of(COACH), false);
        Instant revoked = Instant.now();
        wait(LIVE).until(ExpectedConditions.presenceOfElementLocated(By.id("words-hidden")));
        assertThat(Duration.between(revoked, Instant.now())).isLessThanOrEqualTo(LIVE);
        assertThat(browser.findElements(By.cssSelector("#words mark.chip"))).isEmpty();
        assertThat(browser.findElement(By.id("words")).getText()).doesNotContain("That sucks")
                .contains("closing-comment");
        screenshot("assessment-without-consent");
    }

    @Test
    @Order(6)
    void aCrisisAppearsLiveAsARedAlertAndAcknowledgingItRecordsTheCoach() {
        signedIn();
        browser.get(url("clients/" + PRIVATE));
        wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("no-alerts")));
        int assessments = browser.findElements(By.cssSelector("#assessments tbody tr")).size();
        assertThat(browser.findElement(By.id("recommendations")).getText())
                .doesNotContain("Consider talking to a therapist");
        awaitLiveStream();

        ScoreEvent crisis = ScoreEvent.journal(PRIVATE).overall(20).dimension("emotional-awareness", 30)
                .crisis("self-harm");
        KafkaTestClient.publish(crisis);
        WebElement alert = wait(LIVE.plusSeconds(1)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#alerts li.alert-crisis")));
        assertThat(alert.getCssValue("background-color")).isEqualTo("rgba(179, 38, 30, 1)");
        assertThat(alert.getCssValue("color")).isEqualTo("rgba(255, 255, 255, 1)");
        wait(PAGE).until(driver -> driver.findElements(By.cssSelector("#assessments tbody tr")).size()
                == assessments + 1);
        // The crisis recommendation arrives in the same way.
        wait(PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.id("recommendations"),
                "Consider talking to a therapist"));
        screenshot("client-crisis");

        alert.findElement(By.cssSelector("button.ack-button")).click();
        WebElement acknowledgedBy = wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#alerts li.alert-crisis .ack-by")));
        assertThat(acknowledgedBy.getText()).isEqualTo(COACH);
        TestAuth.as(TestTokens.app(TestAuth.TENANT)).get("/api/v1/clients/{clientId}/alerts", PRIVATE).then()
                .statusCode(200).body("[0].acknowledgedBy", equalTo(COACH))
                .body("[0].acknowledgedAt", notNullValue());
    }

    @Test
    @Order(7)
    void theRosterReadsAtPhoneWidthAndSigningOutEndsTheSession() {
        signedIn();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.get(dashboard.toString());
            wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("roster")));
            // Latest activity first among clients without open alerts: the crisis client wrote last.
            assertThat(browser.findElements(By.cssSelector("#roster tbody tr")).get(0).getAttribute("data-client"))
                    .isEqualTo(PRIVATE);
            Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).isLessThanOrEqualTo(0L);
            screenshot("roster-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        browser.findElement(By.id("sign-out")).click();
        wait(PAGE).until(ExpectedConditions.urlContains("/dashboard/sign-in"));
        assertThat(browser.manage().getCookieNamed("attune_dashboard")).isNull();
        browser.get(dashboard.toString());
        wait(PAGE).until(ExpectedConditions.urlContains("/dashboard/sign-in"));
    }

    private void signedIn() {
        seed();
        if (browser.manage().getCookieNamed("attune_dashboard") != null) {
            return;
        }
        browser.get(url("sign-in.html"));
        browser.findElement(By.id("token")).sendKeys(TestTokens.coach(TestAuth.TENANT, COACH));
        browser.findElement(By.id("sign-in")).click();
        wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("coach-id")));
    }

    /** The page marks its element once the EventSource is open; changes before that would not be seen. */
    private void awaitLiveStream() {
        wait(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[sse-connect][data-live='open']")));
    }

    private WebElement row(String clientId) {
        return browser.findElement(By.cssSelector("#roster tr[data-client='" + clientId + "']"));
    }

    private String url(String path) {
        return dashboard.toString() + path;
    }

    private static WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.pollingEvery(Duration.ofMillis(50));
        return wait;
    }

    private static void screenshot(String name) {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve("dashboard-" + name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name, e);
        }
    }
}
