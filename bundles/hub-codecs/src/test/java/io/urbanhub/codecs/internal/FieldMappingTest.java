package io.urbanhub.codecs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.spi.DecodingException;

class FieldMappingTest {

    private static final List<String> LHT65 = List.of(
            "# LHT65: device-repository fields -> Smart Data Model properties",
            "TempC_SHT -> temperature CEL",
            "Hum_SHT   -> relativeHumidity P1",
            "",
            "gps.lat -> latitude",
            "Ext_sensor -> -");

    @Test
    void namesMappedFieldsAndGivesTheirUnits() throws Exception {
        Map<String, Property> properties = FieldMapping.parse(LHT65).apply(data("TempC_SHT", 21.5, "Hum_SHT", 40.0), new ArrayList<>());
        assertEquals(Map.of("temperature", Property.of(21.5, "CEL"), "relativeHumidity", Property.of(40.0, "P1")), properties);
    }

    @Test
    void passesUnmappedTopLevelFieldsThroughAndDropsWhatItIsTold() throws Exception {
        Map<String, Object> data = data("BatV", 3.062, "Ext_sensor", "Temperature Sensor", "alarm", true, "TempC_DS", null);
        assertEquals(Map.of("BatV", Property.of(3.062), "alarm", Property.of(true)), FieldMapping.parse(LHT65).apply(data, new ArrayList<>()));
    }

    @Test
    void reachesNestedFieldsByPathAndDropsUnmappedNestedOnes() throws Exception {
        Map<String, Object> data = data("gps", data("lat", 52.5, "lon", 13.4), "history", List.of(1.0, 2.0));
        assertEquals(Map.of("latitude", Property.of(52.5)), FieldMapping.parse(LHT65).apply(data, new ArrayList<>()));
        FieldMapping byIndex = FieldMapping.parse(List.of("history.1 -> lastCount"));
        assertEquals(Map.of("lastCount", Property.of(2.0)), byIndex.apply(data, new ArrayList<>()));
    }

    @Test
    void dropsEveryUnnamedFieldWhenTold() throws Exception {
        FieldMapping strict = FieldMapping.parse(List.of("TempC_SHT -> temperature CEL", "* -> -"));
        assertEquals(Map.of("temperature", Property.of(21.5, "CEL")), strict.apply(data("TempC_SHT", 21.5, "BatV", 3.0), new ArrayList<>()));
    }

    @Test
    void warnsAboutFieldNamesThatAreNoPropertyNames() throws Exception {
        List<String> warnings = new ArrayList<>();
        assertEquals(Map.of(), FieldMapping.PASS_THROUGH.apply(data("Temp C", 1.0), warnings));
        assertEquals(List.of("field 'Temp C' is not a property name; map it to one to keep it"), warnings);
    }

    @Test
    void refusesNotANumber() {
        DecodingException error = assertThrows(DecodingException.class,
                () -> FieldMapping.parse(LHT65).apply(data("TempC_SHT", Double.NaN), new ArrayList<>()));
        assertEquals("the codec's field TempC_SHT is NaN, not a number", error.getMessage());
    }

    @Test
    void tellsTheLineOfAMistake() {
        assertBroken("mapping line 2 is not 'field -> property [unit code]': TempC_SHT = temperature", "# x", "TempC_SHT = temperature");
        assertBroken("mapping line 1: 'degC' is not a UN/CEFACT common code such as CEL", "TempC_SHT -> temperature degC");
        assertBroken("mapping line 1: 'temp-c' is not a property name", "TempC_SHT -> temp-c");
        assertBroken("mapping line 2: property temperature is mapped twice", "a -> temperature", "b -> temperature");
        assertBroken("mapping line 2: field a is mapped twice", "a -> x", "a -> y");
        assertBroken("mapping line 1: '*' can only be dropped ('* -> -')", "* -> other");
    }

    private static void assertBroken(String reason, String... lines) {
        assertEquals(reason, assertThrows(BrokenCodecException.class, () -> FieldMapping.parse(List.of(lines))).getMessage());
    }

    private static Map<String, Object> data(Object... keysAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }
}
