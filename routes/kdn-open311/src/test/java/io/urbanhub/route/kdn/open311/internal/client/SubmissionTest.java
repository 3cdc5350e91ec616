package io.urbanhub.route.kdn.open311.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SubmissionTest {

    @Test
    void aRequestWithCodeAndPositionBecomesTheFormWithTheApiKey() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("service_code", "006");
        fields.put("lat", 51.96);
        fields.put("long", 7.62);
        fields.put("description", " Gehweg abgesackt ");

        assertEquals(Map.of("api_key", "k", "service_code", "006", "lat", "51.96", "long", "7.62", "description",
                "Gehweg abgesackt"), Submission.form(fields, "k"));
    }

    @Test
    void anAddressServesAsThePlace() {
        assertEquals("Domplatz 1", Submission.form(Map.of("service_code", "1", "address_string", "Domplatz 1"), "k")
                .get("address_string"));
    }

    @Test
    void everyProblemIsNamedBeforeAnythingGoesOut() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Submission.form(Map.of("lat", "95", "long", "x", "api_key", "stolen"), "k"));
        assertEquals("lat 95 is outside -90..90; long 'x' is not a number; service_code is required; unknown field api_key",
                e.getMessage());
        assertEquals("a place is required: lat and long, address_string or address_id",
                assertThrows(IllegalArgumentException.class, () -> Submission.form(Map.of("service_code", "1"), "k"))
                        .getMessage());
        assertEquals("lat and long go together", assertThrows(IllegalArgumentException.class,
                () -> Submission.form(Map.of("service_code", "1", "lat", "51"), "k")).getMessage());
    }

    @Test
    void withoutAnApiKeyNothingIsSubmitted() {
        assertThrows(IllegalArgumentException.class,
                () -> Submission.form(Map.of("service_code", "1", "address_string", "Domplatz 1"), ""));
    }
}
