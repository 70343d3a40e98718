package io.omdprt.http;

import java.util.Map;

/** One path of the API. */
public interface Route {
    /**
     * @param method  GET, POST, …
     * @param query   decoded query parameters (first value of each)
     * @param headers request headers, names lower-cased
     * @param body    the request body (bounded by the server)
     */
    Response handle(String method, Map<String, String> query, Map<String, String> headers, byte[] body) throws Exception;

    /** Methods this route answers; others get 405 with an Allow header. */
    default java.util.Set<String> methods() {
        return java.util.Set.of("GET", "HEAD");
    }
}
