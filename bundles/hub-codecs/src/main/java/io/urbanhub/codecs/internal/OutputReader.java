package io.urbanhub.codecs.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.Undefined;

import io.urbanhub.api.spi.DecodingException;

/**
 * Copies a codec's result out of JavaScript within the output limits. It checks sizes before it reads, so a
 * sparse array of length 2^32 or a string of a billion characters is refused without being copied. It runs
 * inside the guarded call: getters the codec defined are script code and count against the same limits.
 */
final class OutputReader {

    private final CodecLimits limits;
    private int values;

    OutputReader(CodecLimits limits) {
        this.limits = limits;
    }

    CodecOutput read(Object result) throws DecodingException {
        if (!(result instanceof Scriptable object) || result instanceof Callable || isArray(result)) {
            throw new DecodingException("decodeUplink returned " + describe(result) + ", not an object {data, warnings, errors}");
        }
        Object data = ScriptableObject.getProperty(object, "data");
        if (!isAbsent(data) && (!(data instanceof Scriptable) || data instanceof Callable || isArray(data))) {
            throw new DecodingException("decodeUplink returned data that is " + describe(data) + ", not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copied = (Map<String, Object>) value(data, "data", 0);
        return new CodecOutput(copied, messages(object, "warnings"), messages(object, "errors"));
    }

    private List<String> messages(Scriptable result, String name) throws DecodingException {
        Object list = ScriptableObject.getProperty(result, name);
        if (isAbsent(list)) {
            return List.of();
        }
        if (list instanceof CharSequence) {
            return List.of(text(list, name));
        }
        if (!isArray(list)) {
            throw new DecodingException("decodeUplink returned " + name + " that is " + describe(list) + ", not a list of messages");
        }
        List<String> messages = new ArrayList<>();
        int index = 0;
        for (Object message : elements((Scriptable) list, name)) {
            Object copied = value(message, name + "[" + index++ + "]", 1);
            messages.add(copied instanceof String || copied instanceof Boolean ? copied.toString()
                    : copied instanceof Double number ? ScriptRuntime.numberToString(number, 10) : String.valueOf(copied));
        }
        return messages;
    }

    private Object value(Object value, String path, int depth) throws DecodingException {
        if (++values > limits.maxOutputValues()) {
            throw new DecodingException("the codec's output has more than " + limits.maxOutputValues() + " values");
        }
        if (isAbsent(value)) {
            return null;
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof CharSequence) {
            return text(value, path);
        }
        if (value instanceof Callable || value instanceof Symbol || !(value instanceof Scriptable object)) {
            throw new DecodingException("the codec's output holds " + describe(value) + " at " + path);
        }
        if ("Date".equals(object.getClassName())) {
            double millis = ScriptRuntime.toNumber(object);
            if (Double.isNaN(millis)) {
                throw new DecodingException("the codec's output holds an invalid date at " + path);
            }
            return Instant.ofEpochMilli((long) millis).toString();
        }
        if (depth >= limits.maxOutputDepth()) {
            throw new DecodingException("the codec's output is nested deeper than " + limits.maxOutputDepth() + " levels at " + path);
        }
        if (isArray(object)) {
            List<Object> list = new ArrayList<>();
            int index = 0;
            for (Object element : elements(object, path)) {
                list.add(value(element, path + "[" + index++ + "]", depth + 1));
            }
            return list;
        }
        Object[] ids = object.getIds();
        if (ids.length > limits.maxOutputValues() - values) {
            throw new DecodingException("the codec's output has more than " + limits.maxOutputValues() + " values");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Object id : ids) {
            if (id instanceof Symbol) {
                continue;
            }
            String key = id.toString();
            Object property = id instanceof Integer index ? ScriptableObject.getProperty(object, index)
                    : ScriptableObject.getProperty(object, key);
            map.put(key, value(property, path + "." + key, depth + 1));
        }
        return map;
    }

    private List<Object> elements(Scriptable array, String path) throws DecodingException {
        Object length = ScriptableObject.getProperty(array, "length");
        double size = length instanceof Number number ? number.doubleValue() : 0;
        if (size > limits.maxOutputValues() - values) {
            throw new DecodingException("the codec's output has more than " + limits.maxOutputValues() + " values at " + path);
        }
        List<Object> elements = new ArrayList<>();
        for (int index = 0; index < (int) size; index++) {
            elements.add(ScriptableObject.getProperty(array, index));
        }
        return elements;
    }

    private String text(Object value, String path) throws DecodingException {
        CharSequence text = (CharSequence) value;
        if (text.length() > limits.maxStringLength()) {
            throw new DecodingException("the codec's output holds a string of " + text.length() + " characters at " + path
                    + ", more than " + limits.maxStringLength());
        }
        return text.toString();
    }

    private static boolean isAbsent(Object value) {
        return value == null || value == Undefined.instance || value == Scriptable.NOT_FOUND;
    }

    private static boolean isArray(Object value) {
        return value instanceof Scriptable object && "Array".equals(object.getClassName());
    }

    private static String describe(Object value) {
        if (isAbsent(value)) {
            return value == null ? "null" : "undefined";
        }
        if (value instanceof Number number) {
            return "the number " + ScriptRuntime.numberToString(number.doubleValue(), 10);
        }
        if (value instanceof CharSequence) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof Callable) {
            return "a function";
        }
        if (value instanceof Symbol) {
            return "a symbol";
        }
        return isArray(value) ? "an array" : value instanceof Scriptable ? "an object" : "a " + value.getClass().getSimpleName();
    }
}
