package party.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/** Free ports for a stack that must not collide with the machine's outgoing connections. */
final class Ports {

    private Ports() {
    }

    /**
     * A port that is free now and below the range the kernel hands out for outgoing connections:
     * a port taken from that range ({@code new ServerSocket(0)}) can be given to one of the
     * stack's own client connections before the server that was meant to have it binds it.
     */
    static int free(java.util.Set<Integer> taken) {
        int below = ephemeralRangeStart();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = random.nextInt(10_000, below);
            if (taken.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                taken.add(port);
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port below " + below));
    }

    private static int ephemeralRangeStart() {
        try {
            String range = java.nio.file.Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > 11_000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
