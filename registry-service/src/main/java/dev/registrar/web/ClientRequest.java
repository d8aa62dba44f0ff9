package dev.registrar.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.registrar.errors.InvalidRequest;
import dev.registrar.tenancy.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** One request to a {@link ClientRoute}: the client it names, the authorization server asking, and its body. */
public final class ClientRequest {

    private final String clientId;
    private final Caller.TenantCaller caller;
    private final HttpServletRequest request;

    ClientRequest(String clientId, Caller.TenantCaller caller, HttpServletRequest request) {
        this.clientId = clientId;
        this.caller = caller;
        this.request = request;
    }

    public String clientId() {
        return clientId;
    }

    public Caller.TenantCaller caller() {
        return caller;
    }

    public String remoteAddress() {
        return request.getRemoteAddr();
    }

    /** The JSON body as the reader's type; a missing or malformed body is an invalid request. */
    public <T> T body(ObjectReader reader) throws IOException {
        T body;
        try {
            body = reader.readValue(request.getInputStream());
        } catch (JsonProcessingException unreadable) {
            throw new InvalidRequest("the body is not the JSON object this endpoint takes");
        }
        if (body == null) {
            throw new InvalidRequest("a JSON object is required as the body");
        }
        return body;
    }
}
