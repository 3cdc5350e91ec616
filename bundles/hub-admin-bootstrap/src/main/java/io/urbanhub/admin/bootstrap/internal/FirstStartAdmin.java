package io.urbanhub.admin.bootstrap.internal;

import java.io.IOException;
import java.nio.file.Path;

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
        UsersFile users = new UsersFile(Path.of(System.getProperty("karaf.etc", "etc"), "users.properties"));
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
        System.out.println("UrbanHub first start: user 'admin', password '" + generated + "' (ssh -p 8101 admin@localhost)");
        System.out.println();
    }
}
