package io.urbanhub.rest.opendata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PublisherSettingsTest {

    @Test
    void readsEachTenantsKeys() {
        Map<String, PublisherSettings> settings = PublisherSettings.perTenant(Map.of("publisher.musterstadt", "Stadt Musterstadt",
                "ags.musterstadt", "05515000", "contact.nachbarort", "daten@nachbarort.example", "openTypes", "x/Y"));
        assertEquals(new PublisherSettings("Stadt Musterstadt", null, "05515000", null, List.of()), settings.get("musterstadt"));
        assertEquals(new PublisherSettings(null, "daten@nachbarort.example", null, null, List.of()), settings.get("nachbarort"));
        assertEquals(2, settings.size());
    }

    @Test
    void takesARegionalKeyAsWellAsAnAgs() {
        assertEquals("055660012012", PublisherSettings.perTenant(Map.of("ags.kreisstadt", "055660012012")).get("kreisstadt").ags());
        assertThrows(IllegalArgumentException.class, () -> PublisherSettings.perTenant(Map.of("ags.kreisstadt", "0556600120")));
    }

    @Test
    void withoutKeysOrRegistrationATenantPublishesUnderItsId() {
        assertEquals(new PublisherSettings("nachbarort", null, null, null, List.of()),
                PublisherSettings.resolve("nachbarort", null, Optional.empty()));
    }

    @Test
    void refusesAMalformedValueNamingItsKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PublisherSettings.perTenant(Map.of("ags.musterstadt", "5515")))
                .getMessage().startsWith("ags.musterstadt"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PublisherSettings.perTenant(Map.of("contact.musterstadt", "nobody")))
                .getMessage().startsWith("contact.musterstadt"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PublisherSettings.perTenant(Map.of("themes.musterstadt", "TRAN,CARS")))
                .getMessage().contains("CARS"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PublisherSettings.perTenant(Map.of("contributor.musterstadt", "https://example.org/me"))).getMessage()
                .startsWith("contributor.musterstadt"));
    }

    @Test
    void refusesARelativePublicBaseUrl() {
        assertThrows(IllegalArgumentException.class,
                () -> new OpenDataCatalog(Set.of(), URI.create("/opendata"), "dl-de/by-2-0", "https://www.govdata.de/dl-de/by-2-0", Map.of(),
                        tenant -> Optional.empty()));
    }
}
