package io.urbanhub.admin.bootstrap.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Karaf's {@code etc/users.properties}: {@code user = password, role, _g_:group} lines and group lines. */
final class UsersFile {

    static final String ADMIN = "admin";
    static final String ADMIN_GROUP_LINE = "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh";

    private final Path path;

    UsersFile(Path path) {
        this.path = path;
    }

    /** True when any user is defined; group definitions ({@code _g_:...}) are not users. */
    boolean hasUser() throws IOException {
        if (!Files.exists(path)) {
            return false;
        }
        return Files.readAllLines(path, StandardCharsets.ISO_8859_1).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!"))
                .anyMatch(line -> line.contains("=") && !line.startsWith("_g_"));
    }

    /** Adds the admin user in the admin group; Karaf hashes the password at the first login. */
    void addAdmin(String password) throws IOException {
        if (password.isBlank() || password.contains(",") || password.contains("\n")) {
            throw new IllegalArgumentException("The admin password must not be blank nor contain commas or line breaks");
        }
        List<String> lines = List.of(
                "",
                "# Created at the first start. Change it with: jaas:realm-manage --realm karaf; jaas:user-add ...; jaas:update",
                ADMIN + " = " + escape(password) + ",_g_:admingroup",
                ADMIN_GROUP_LINE);
        Files.write(path, lines, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** java.util.Properties escaping for a value, as Karaf reads this file. */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '#' || c == '!' || c == '=' || c == ':') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
