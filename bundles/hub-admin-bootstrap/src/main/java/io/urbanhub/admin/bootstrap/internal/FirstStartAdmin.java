package io.urbanhub.admin.bootstrap.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The distribution ships no user. At the first start this creates {@code admin} with the password from
 * the environment variable {@value #PASSWORD_VARIABLE}, or with a generated one printed on the console.
 */
@Component(immediate = true)
public class FirstStartAdmin {

    static final String PASSWORD_VARIABLE = "URBANHUB_ADMIN_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(FirstStartAdmin.class);

    @Activate
    public FirstStartAdmin() throws IOException {
        Path etc = Path.of(System.getProperty("karaf.etc", "etc"));
        UsersFile users = new UsersFile(etc.resolve("users.properties"));
        if (users.hasUser()) {
            return;
        }
        String given = System.getenv(PASSWORD_VARIABLE);
        if (given != null && !given.isBlank()) {
            users.addAdmin(given);
            LOG.info("Created the admin account with the password from {}", PASSWORD_VARIABLE);
            return;
        }
        String generated = Passwords.generate(20);
        users.addAdmin(generated);
        // Karaf keeps it hashed at once: the console of this start is the only place it is ever shown
        LOG.warn("Created the admin account with a generated password, shown only on the console of this first start;"
                + " started without a console (bin/start), set {} before the first start instead", PASSWORD_VARIABLE);
        System.out.println();
        System.out.println("UrbanHub first start: user 'admin', password '" + generated + "' (ssh -p " + sshPort(etc) + " admin@localhost)");
        System.out.println();
    }

    private static String sshPort(Path etc) {
        Properties shell = new Properties();
        try (Reader reader = Files.newBufferedReader(etc.resolve("org.apache.karaf.shell.cfg"), StandardCharsets.ISO_8859_1)) {
            shell.load(reader);
        } catch (IOException e) {
            // Karaf's default then
        }
        return shell.getProperty("sshPort", "8101").strip();
    }
}
