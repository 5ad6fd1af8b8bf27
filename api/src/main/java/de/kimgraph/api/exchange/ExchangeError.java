package de.kimgraph.api.exchange;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A REST request of the exchange endpoints that cannot be answered: an unknown format (404), a bad parameter (400,
 * naming it), a file over the upload limit (413). The answer is a JSON error in German with English alongside.
 */
final class ExchangeError extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final @Nullable String parameter;
    private final String messageEn;

    ExchangeError(HttpStatus status, String code, @Nullable String parameter, String messageDe, String messageEn) {
        super(messageDe);
        this.status = status;
        this.code = code;
        this.parameter = parameter;
        this.messageEn = messageEn;
    }

    static ExchangeError badParameter(String parameter, String messageDe, String messageEn) {
        return new ExchangeError(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", parameter, messageDe, messageEn);
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    @Nullable String parameter() {
        return parameter;
    }

    String messageEn() {
        return messageEn;
    }
}
