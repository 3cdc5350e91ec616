package io.urbanhub.codecs.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.urbanhub.api.spi.DecodingException;

/**
 * Runs one example through a codec and lists how the result differs from the example's output. Numbers
 * match within a relative tolerance of 1e-9 (at least 1e-9 absolute), because codecs compute with doubles
 * ({@code 2829 / 100} may come out as {@code 28.290000000000003}).
 */
public final class ExampleCheck {

    private static final double TOLERANCE = 1e-9;

    public record Result(CodecExample example, List<String> differences) {

        public boolean passed() {
            return differences.isEmpty();
        }
    }

    private ExampleCheck() {
    }

    public static Result run(JavaScriptCodec codec, CodecExample example) {
        List<String> differences = new ArrayList<>();
        CodecOutput output;
        try {
            output = codec.decodeUplink(example.input());
        } catch (DecodingException e) {
            return new Result(example, List.of("decodeUplink failed: " + e.getMessage()));
        }
        if (example.data() != null) {
            compare("data", example.data(), output.data(), differences);
        }
        compare("errors", example.errors(), output.errors(), differences);
        compare("warnings", example.warnings(), output.warnings(), differences);
        return new Result(example, differences);
    }

    private static void compare(String path, Object expected, Object actual, List<String> differences) {
        if (expected instanceof Number wanted && actual instanceof Number got) {
            double a = wanted.doubleValue();
            double b = got.doubleValue();
            if (!(Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b))) || a == b)) {
                differences.add(path + ": expected " + show(expected) + ", got " + show(actual));
            }
        } else if (expected instanceof Map<?, ?> wanted && actual instanceof Map<?, ?> got) {
            for (Map.Entry<?, ?> entry : wanted.entrySet()) {
                String key = path + "." + entry.getKey();
                if (!got.containsKey(String.valueOf(entry.getKey()))) {
                    differences.add(key + ": missing, expected " + show(entry.getValue()));
                } else {
                    compare(key, entry.getValue(), got.get(String.valueOf(entry.getKey())), differences);
                }
            }
            Set<String> wantedKeys = wanted.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
            for (Map.Entry<?, ?> entry : got.entrySet()) {
                if (!wantedKeys.contains(String.valueOf(entry.getKey()))) {
                    differences.add(path + "." + entry.getKey() + ": not expected, got " + show(entry.getValue()));
                }
            }
        } else if (expected instanceof List<?> wanted && actual instanceof List<?> got) {
            if (wanted.size() != got.size()) {
                differences.add(path + ": expected " + show(wanted) + ", got " + show(got));
                return;
            }
            for (int i = 0; i < wanted.size(); i++) {
                compare(path + "[" + i + "]", wanted.get(i), got.get(i), differences);
            }
        } else if (!Objects.equals(expected, actual)) {
            differences.add(path + ": expected " + show(expected) + ", got " + show(actual));
        }
    }

    private static String show(Object value) {
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
            return Long.toString(number.longValue());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ExampleCheck::show).toList().toString();
        }
        return String.valueOf(value);
    }
}
