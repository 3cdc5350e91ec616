package io.urbanhub.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Finds out whether a service listens on loopback, and hands out free ports for embedded ones. */
public final class LocalService {

    /** Set to {@code true} to ignore local services and always start embedded ones. */
    public static final String FORCE_EMBEDDED = "urbanhub.test.embedded";

    private LocalService() {
    }

    /** Whether a local service may be used on the port: it listens there, and embedded ones are not forced. */
    public static boolean listens(int port) {
        return !Boolean.getBoolean(FORCE_EMBEDDED) && accepts(port);
    }

    /** Whether anything takes connections on the loopback port. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException notListening) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on this machine", e);
        }
    }
}
