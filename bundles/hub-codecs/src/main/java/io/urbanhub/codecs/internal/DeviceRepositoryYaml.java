package io.urbanhub.codecs.internal;

import java.io.Reader;
import java.math.BigInteger;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the device repository's YAML as its own tools do (YAML 1.2), not as SnakeYAML's YAML 1.1 would:
 * {@code 010} is ten, not eight, and {@code 09} a number, not a string; only {@code true}/{@code false}
 * are booleans ({@code on}, {@code no}, {@code y} stay strings); dates stay strings. {@code 0x..} and
 * {@code 0o..} are hexadecimal and octal. Only plain values and collections are built (no Java types).
 */
final class DeviceRepositoryYaml {

    private static final Pattern YAML12_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern YAML12_INT = Pattern.compile("^[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)$");
    private static final Pattern YAML12_FLOAT = Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

    private DeviceRepositoryYaml() {
    }

    static Object load(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions unused = new DumperOptions();
        return new Yaml(new Constructor(options), new Representer(unused), unused, options, new Yaml12Resolver()).load(reader);
    }

    /** The patterns are named apart from the YAML 1.1 ones that Resolver itself declares. */
    private static final class Yaml12Resolver extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, YAML12_BOOL, "tTfF");
            addImplicitResolver(Tag.INT, YAML12_INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, YAML12_FLOAT, "-+.0123456789");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static final class Constructor extends SafeConstructor {

        Constructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.INT, new Yaml12Int());
        }

        private final class Yaml12Int extends AbstractConstruct {

            @Override
            public Object construct(Node node) {
                String text = constructScalar((ScalarNode) node);
                boolean negative = text.startsWith("-");
                String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
                BigInteger value = digits.startsWith("0x") ? new BigInteger(digits.substring(2), 16)
                        : digits.startsWith("0o") ? new BigInteger(digits.substring(2), 8) : new BigInteger(digits);
                value = negative ? value.negate() : value;
                return value.bitLength() < 32 ? (Object) value.intValue() : value.bitLength() < 64 ? (Object) value.longValue() : value;
            }
        }
    }
}
