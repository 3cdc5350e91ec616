package io.urbanhub.distribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Runs a console command as an admin (the roles of Karaf's admingroup) and returns what it printed. */
final class Console {

    private Console() {
    }

    static String execute(SessionFactory sessionFactory, String command) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        Subject admin = new Subject();
        for (String role : new String[] {"admin", "manager", "viewer", "systembundles"}) {
            admin.getPrincipals().add(new RolePrincipal(role));
        }
        Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        out.flush();
        return output.toString(StandardCharsets.UTF_8);
    }
}
