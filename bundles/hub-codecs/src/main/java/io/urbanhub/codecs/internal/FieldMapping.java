package io.urbanhub.codecs.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.urbanhub.api.model.Property;
import io.urbanhub.api.spi.DecodingException;

/**
 * How a codec's {@code data} fields become properties, from a {@code <deviceType>.mapping} file:
 *
 * <pre>
 * # field -&gt; property [UN/CEFACT unit code]
 * TempC_SHT -&gt; temperature CEL
 * gps.lat   -&gt; latitude           (a nested field, by its dotted path; array elements by index: values.0)
 * Ext_sensor -&gt; -                 (dropped)
 * * -&gt; -                         (drop every field the file does not name)
 * </pre>
 *
 * Unnamed fields on the top level of {@code data} that are a number, text or boolean pass through under
 * their own name, without a unit, unless the file says {@code * -> -}; unnamed nested fields are dropped.
 * Null fields are left out.
 */
public final class FieldMapping {

    /** No mapping file: every top-level field passes through under its own name. */
    public static final FieldMapping PASS_THROUGH = new FieldMapping(Map.of(), true);

    private static final Pattern LINE = Pattern.compile("^(\\S+)\\s*->\\s*(\\S+)(?:\\s+(\\S+))?$");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9]{2,3}");
    private static final String DROP = "-";
    private static final String EVERY_OTHER_FIELD = "*";

    /** A property name and unit code; a null name drops the field. */
    private record Target(String property, String unitCode) {
    }

    private final Map<String, Target> byField;
    private final boolean passThrough;

    private FieldMapping(Map<String, Target> byField, boolean passThrough) {
        this.byField = Map.copyOf(byField);
        this.passThrough = passThrough;
    }

    public static FieldMapping parse(List<String> lines) throws BrokenCodecException {
        Map<String, Target> byField = new LinkedHashMap<>();
        Set<String> properties = new HashSet<>();
        boolean passThrough = true;
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new BrokenCodecException("mapping line " + number + " is not 'field -> property [unit code]': " + line);
            }
            String field = matcher.group(1);
            String property = matcher.group(2);
            String unitCode = matcher.group(3);
            if (field.equals(EVERY_OTHER_FIELD)) {
                if (!property.equals(DROP) || unitCode != null) {
                    throw new BrokenCodecException("mapping line " + number + ": '*' can only be dropped ('* -> -')");
                }
                passThrough = false;
                continue;
            }
            if (property.equals(DROP) ? unitCode != null : !PROPERTY_NAME.matcher(property).matches()) {
                throw new BrokenCodecException("mapping line " + number + ": '" + property + "' is not a property name");
            }
            if (unitCode != null && !UNIT_CODE.matcher(unitCode).matches()) {
                throw new BrokenCodecException("mapping line " + number + ": '" + unitCode + "' is not a UN/CEFACT common code such as CEL");
            }
            if (byField.containsKey(field)) {
                throw new BrokenCodecException("mapping line " + number + ": field " + field + " is mapped twice");
            }
            if (!property.equals(DROP) && !properties.add(property)) {
                throw new BrokenCodecException("mapping line " + number + ": property " + property + " is mapped twice");
            }
            byField.put(field, property.equals(DROP) ? new Target(null, null) : new Target(property, unitCode));
        }
        return new FieldMapping(byField, passThrough);
    }

    /** The properties of one decoded payload; warnings for fields that cannot be passed through. */
    public Map<String, Property> apply(Map<String, Object> data, List<String> warnings) throws DecodingException {
        Map<String, Property> mapped = new LinkedHashMap<>();
        List<Map.Entry<String, Object>> unmapped = new ArrayList<>();
        for (Map.Entry<String, Object> field : data.entrySet()) {
            collect(field.getKey(), field.getValue(), mapped, unmapped);
        }
        for (Map.Entry<String, Object> field : unmapped) {
            String name = field.getKey();
            if (mapped.containsKey(name)) {
                continue;
            }
            if (!PROPERTY_NAME.matcher(name).matches()) {
                warnings.add("field '" + name + "' is not a property name; map it to one to keep it");
                continue;
            }
            mapped.put(name, property(name, field.getValue(), null));
        }
        return mapped;
    }

    private void collect(String path, Object value, Map<String, Property> mapped, List<Map.Entry<String, Object>> unmapped)
            throws DecodingException {
        Target target = byField.get(path);
        if (value == null || target != null && target.property() == null) {
            return;
        }
        if (target != null && !(value instanceof Map || value instanceof List)) {
            mapped.put(target.property(), property(path, value, target.unitCode()));
        } else if (value instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> child : object.entrySet()) {
                collect(path + "." + child.getKey(), child.getValue(), mapped, null);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(path + "." + i, list.get(i), mapped, null);
            }
        } else if (unmapped != null && passThrough) {
            unmapped.add(Map.entry(path, value));
        }
    }

    private static Property property(String field, Object value, String unitCode) throws DecodingException {
        if (value instanceof Double number && !Double.isFinite(number)) {
            throw new DecodingException("the codec's field " + field + " is " + number + ", not a number");
        }
        return new Property(value, unitCode);
    }
}
