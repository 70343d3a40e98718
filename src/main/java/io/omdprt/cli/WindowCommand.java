package io.omdprt.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "window", mixinStandardHelpOptions = true,
        description = {"Open or close an ad-hoc PRT window (a rehearsal) on a running monitor.",
            "It posts to the monitor's token-guarded /api/windows; the token is window-token in the http section of the"
                + " monitor's config."})
final class WindowCommand implements Callable<Integer> {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    @Parameters(index = "0", paramLabel = "ACTION", description = "What to do: open or close.")
    String action;

    @Parameters(index = "1", paramLabel = "NAME", description = "The window's name, for example rehearsal-1.")
    String name;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:9466",
            description = "The monitor's HTTP address. Default http://127.0.0.1:9466.")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The window token (or set OMD_WINDOW_TOKEN).")
    String token;

    @Option(names = "--minutes", paramLabel = "N", description = "Open: close by itself after N minutes (default: when closed).")
    Integer minutes;

    @Override
    public Integer call() throws Exception {
        if (!"open".equals(action) && !"close".equals(action)) {
            System.err.println("ACTION: expected open or close, got '" + action + "'");
            return Main.BAD_USAGE;
        }
        String secret = token != null ? token : System.getenv("OMD_WINDOW_TOKEN");
        if (secret == null || secret.isBlank()) {
            System.err.println("--token (or OMD_WINDOW_TOKEN) is required: the monitor refuses window changes without it");
            return Main.BAD_USAGE;
        }
        String body = "{\"action\": \"" + action + "\", \"name\": \"" + name.replace("\"", "") + "\""
                + (minutes != null && "open".equals(action) ? ", \"minutes\": " + minutes : "") + "}";
        URI endpoint;
        try {
            endpoint = URI.create(url.replaceAll("/+$", "") + "/api/windows");
            if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
                throw new IllegalArgumentException("no http:// or https:// and host");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("--url: expected the monitor's address like http://127.0.0.1:9466, got '" + url + "'");
            return Main.BAD_USAGE;
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build().send(
                    HttpRequest.newBuilder(endpoint).timeout(ANSWER_TIMEOUT)
                            .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            System.err.println("cannot reach the monitor at " + url + ": " + why(e));
            return Main.FAILURE;
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            System.out.println(response.body());
            return Main.OK;
        }
        String answer = response.body().strip();
        if (status == 401 || status == 403) {
            System.err.println("the monitor at " + url + " rejected the token (" + status + "): "
                    + (answer.isEmpty() ? "check --token against window-token in the http section of its config" : answer));
            return Main.BAD_USAGE;
        }
        System.err.println("the monitor at " + url + " answered " + status + (answer.isEmpty() ? "" : ": " + answer));
        return status == 400 ? Main.BAD_USAGE : Main.FAILURE;
    }

    /** Why a request failed, in words (the JDK's ConnectException has no message at all). */
    static String why(java.io.IOException e) {
        if (e instanceof java.net.http.HttpConnectTimeoutException) {
            return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s (a firewall, or the wrong address?)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return "connection refused (is the monitor running, and on this port?)";
            }
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
