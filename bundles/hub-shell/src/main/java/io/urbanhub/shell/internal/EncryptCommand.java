package io.urbanhub.shell.internal;

import java.io.IOException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import io.urbanhub.api.spi.Secrets;

@Service
@Command(scope = "hub", name = "encrypt", description = "Encrypts a secret for a configuration as ENC(…) with the hub's"
        + " master password (" + Secrets.MASTER_PASSWORD_VARIABLE + "), so that neither etc/ nor config:list shows it.")
public class EncryptCommand implements Action {

    @Reference
    Session session;

    @Argument(index = 0, name = "secret", description = "The secret; left out, it is asked for without echo and stays"
            + " out of the command history")
    String secret;

    @Override
    public Object execute() throws IOException {
        String plain = secret != null ? secret : session.readLine("Secret: ", '*');
        if (plain == null || plain.isEmpty()) {
            throw new IllegalArgumentException("Nothing to encrypt");
        }
        System.out.println(Secrets.encrypt(plain));
        return null;
    }
}
