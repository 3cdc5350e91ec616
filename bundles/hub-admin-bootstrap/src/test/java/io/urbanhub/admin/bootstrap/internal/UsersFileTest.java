package io.urbanhub.admin.bootstrap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileTest {

    @TempDir
    Path etc;

    @Test
    void aFileWithOnlyCommentsAndGroupsHasNoUser() throws Exception {
        Path path = etc.resolve("users.properties");
        Files.writeString(path, "# karaf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin\n");
        assertFalse(new UsersFile(path).hasUser());
    }

    @Test
    void addsAnAdminThatPropertiesReadBackWithTheExactPassword() throws Exception {
        Path path = etc.resolve("users.properties");
        UsersFile users = new UsersFile(path);
        users.addAdmin("s3cret=#:!\\x");
        assertTrue(users.hasUser());
        Properties read = new Properties();
        try (Reader reader = Files.newBufferedReader(path, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            read.load(reader);
        }
        assertEquals("s3cret=#:!\\x,_g_:admingroup", read.getProperty("admin"));
        assertEquals("group,admin,manager,viewer,systembundles,ssh", read.getProperty("_g_:admingroup"));
    }

    @Test
    void refusesPasswordsThatWouldBreakTheRoleList() {
        UsersFile users = new UsersFile(etc.resolve("users.properties"));
        assertThrows(IllegalArgumentException.class, () -> users.addAdmin("a,b"));
        assertThrows(IllegalArgumentException.class, () -> users.addAdmin(" "));
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String first = Passwords.generate(20);
        assertEquals(20, first.length());
        assertFalse(first.equals(Passwords.generate(20)));
    }
}
