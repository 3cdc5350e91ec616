package io.urbanhub.route.kdn.open311.internal.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a request a caller wants to submit before it goes out: a service code, a place (lat and long, or
 * an address), only fields GeoReport v2 knows. The API key is added here, so callers never hold it.
 */
public final class Submission {

    static final Set<String> FIELDS = Set.of("service_code", "lat", "long", "address_string", "address_id", "description",
            "email", "device_id", "account_id", "first_name", "last_name", "phone", "media_url");
    private static final int MAX_DESCRIPTION = 4000;

    private Submission() {
    }

    /** The form to post, or an {@link IllegalArgumentException} naming every problem. */
    public static Map<String, String> form(Map<String, ?> fields, String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("no apiKey is configured, so this instance cannot submit requests");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", apiKey);
        Set<String> problems = new TreeSet<>();
        fields.forEach((name, value) -> {
            if (!FIELDS.contains(name)) {
                problems.add("unknown field " + name);
            } else if (value != null && !value.toString().isBlank()) {
                form.put(name, value.toString().trim());
            }
        });
        if (!form.containsKey("service_code")) {
            problems.add("service_code is required");
        }
        boolean hasLat = form.containsKey("lat");
        boolean hasLong = form.containsKey("long");
        if (hasLat != hasLong) {
            problems.add("lat and long go together");
        } else if (hasLat) {
            coordinate(form.get("lat"), 90, "lat", problems);
            coordinate(form.get("long"), 180, "long", problems);
        } else if (!form.containsKey("address_string") && !form.containsKey("address_id")) {
            problems.add("a place is required: lat and long, address_string or address_id");
        }
        if (form.containsKey("description") && form.get("description").length() > MAX_DESCRIPTION) {
            problems.add("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return form;
    }

    private static void coordinate(String text, double limit, String name, Set<String> problems) {
        try {
            double value = Double.parseDouble(text);
            if (!(value >= -limit && value <= limit)) {
                problems.add(name + " " + text + " is outside -" + (int) limit + ".." + (int) limit);
            }
        } catch (NumberFormatException e) {
            problems.add(name + " '" + text + "' is not a number");
        }
    }
}
