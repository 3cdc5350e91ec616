package io.urbanhub.route.meter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.urbanhub.api.model.EntityId;

/**
 * What an OBIS code (IEC 62056-61, {@code A-B:C.D.E}) becomes in the data layer: the entity type, property and
 * UN/CEFACT unit of its values. The built-in table holds what the German energy and water market's MSCONS
 * messages carry most; an instance's {@code obisCodes} add to it and come first. A code in neither is refused.
 */
final class ObisTargets {

    /**
     * One row of the table. Where the unit delivered differs from the unit stored, the value is a period's quantity
     * divided by the period's hours: kWh per 15 minutes become the period's mean power in kW.
     */
    record Target(String entityType, String property, String unitCode, String deliveredUnit) {

        boolean perHour() {
            return !unitCode.equals(deliveredUnit);
        }
    }

    private record Row(Pattern matcher, Target target) {
    }

    private static final Pattern CODE = Pattern.compile("(\\d{1,3}|\\*)-(\\d{1,3}|\\*):(\\d{1,3}|\\*|[A-Z])\\.(\\d{1,3}|\\*)\\.(\\d{1,3}|\\*)");
    private static final Pattern WITH_STORAGE = Pattern.compile("(.+?)[*&]\\d{1,3}");
    private static final Pattern ENTRY = Pattern.compile("\\s*([^=\\s]+)\\s*=\\s*([A-Za-z][A-Za-z0-9]*)/([A-Za-z][A-Za-z0-9]*)/([A-Z0-9]{2,3})\\s*");

    static final List<String> BUILT_IN = List.of(
            // electricity: register readings since installation (total, high tariff, low tariff)
            "1-*:1.8.0=SmartMeteringObservation/totalConsumption/KWH",
            "1-*:1.8.1=SmartMeteringObservation/peakConsumption/KWH",
            "1-*:1.8.2=SmartMeteringObservation/offPeakConsumption/KWH",
            // gas: volume register
            "7-*:3.0.0=SmartMeteringObservation/totalConsumption/MTQ",
            // cold water: volume register, the same entity the CSV import fills
            "8-*:1.0.0=WaterConsumptionObserved/waterConsumption/MTQ");

    private final List<Row> rows;

    private ObisTargets(List<Row> rows) {
        this.rows = rows;
    }

    /** The built-in table below the configured entries, comma-separated {@code OBIS=Type/property/UNIT}. */
    static ObisTargets of(String configured) {
        List<Row> rows = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            for (String entry : configured.split(",")) {
                rows.add(row(entry));
            }
        }
        BUILT_IN.forEach(entry -> rows.add(row(entry)));
        // a load profile: energy per registration period, as the mean active power of the period
        rows.add(new Row(matcher("1-*:1.29.0"),
                new Target("ACMeasurement", "totalActivePower", "KWT", "KWH")));
        return new ObisTargets(List.copyOf(rows));
    }

    Optional<Target> target(String obis) {
        String code = normalized(obis);
        return rows.stream().filter(row -> row.matcher.matcher(code).matches()).map(Row::target).findFirst();
    }

    /** Without the storage number ({@code *F} or {@code &F}), which does not change what was measured. */
    static String normalized(String obis) {
        Matcher code = WITH_STORAGE.matcher(obis.trim());
        return code.matches() ? code.group(1) : obis.trim();
    }

    /** The supply a code's medium (group A) names, as SmartMeteringObservation's meterType has it. */
    static Optional<String> meterType(String obis) {
        return Optional.ofNullable(switch (obis.substring(0, Math.max(0, obis.indexOf('-')))) {
            case "1" -> "Electricity";
            case "6" -> "Heat";
            case "7" -> "Gas";
            case "8", "9" -> "Water";
            default -> null;
        });
    }

    private static Row row(String entry) {
        Matcher parts = ENTRY.matcher(entry);
        if (!parts.matches()) {
            throw new IllegalArgumentException("obisCodes entry '" + entry.trim() + "' is not OBIS=Type/property/UNIT");
        }
        // checked now, so that a wrong type fails the instance instead of every reading
        new EntityId(parts.group(2), "check", "check");
        return new Row(matcher(parts.group(1)), new Target(parts.group(2), parts.group(3), parts.group(4), parts.group(4)));
    }

    private static Pattern matcher(String pattern) {
        if (!CODE.matcher(pattern).matches()) {
            throw new IllegalArgumentException("'" + pattern + "' is no OBIS code of the form A-B:C.D.E (* for any group)");
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? "[^-:.]+" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
