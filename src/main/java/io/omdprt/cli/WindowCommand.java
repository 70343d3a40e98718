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
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/windows")).timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | IllegalArgumentException e) {
            System.err.println("cannot reach the monitor at " + url + ": " + e.getMessage());
            return Main.FAILURE;
        }
        if (response.statusCode() / 100 == 2) {
            System.out.println(response.body());
            return Main.OK;
        }
        System.err.println("the monitor answered " + response.statusCode() + ": " + response.body().trim());
        return response.statusCode() == 400 || response.statusCode() == 401 || response.statusCode() == 403 ? Main.BAD_USAGE
                : Main.FAILURE;
    }
}
