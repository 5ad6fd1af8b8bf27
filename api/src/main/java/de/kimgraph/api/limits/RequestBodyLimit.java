package de.kimgraph.api.limits;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.limits.LimitExceeded.Limit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rejects a POST to the GraphQL endpoint whose body is larger than the limit with HTTP 413 and a GraphQL error
 * naming the limit, before it is parsed: by its declared length, or, when sent in chunks, after reading one byte
 * more than the limit. Smaller bodies are passed on from the bytes read.
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String path;
    private final int maxBytes;

    RequestBodyLimit(String path, long maxBytes) {
        this.path = path;
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 1);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !path.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            reject(response, declared, false);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            reject(response, body.length, true);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private void reject(HttpServletResponse response, long actual, boolean atLeast) throws IOException {
        String size = (atLeast ? "mehr als " : "") + (atLeast ? maxBytes : actual);
        String sizeEn = (atLeast ? "more than " : "") + (atLeast ? maxBytes : actual);
        LimitExceeded error = LimitExceeded.of(Limit.REQUEST_SIZE, maxBytes, actual,
                "Die Anfrage ist zu groß: " + size + " Bytes, erlaubt sind höchstens " + maxBytes + " Bytes.",
                "The request is too large: " + sizeEn + " bytes, at most " + maxBytes + " bytes are allowed.");
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(Map.of("errors", List.of(error.error().toSpecification()))));
    }

    /** The request with the body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
