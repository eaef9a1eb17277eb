package party.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file taken out of the page cache, so that the next read of it comes from the disk: GNU
 * {@code dd iflag=nocache count=0} asks the kernel to drop the file's cached pages
 * ({@code posix_fadvise(POSIX_FADV_DONTNEED)}), which the JDK cannot ask for itself.
 */
final class ColdFile {

    private ColdFile() {
    }

    /** @return null when dropped, else why it could not be */
    static String drop(Path file) {
        try {
            Process dd = new ProcessBuilder("dd", "if=" + file, "iflag=nocache", "count=0", "status=none")
                    .redirectErrorStream(true).start();
            String output = new String(dd.getInputStream().readAllBytes()).strip();
            return dd.waitFor() == 0 ? null : "dd iflag=nocache failed: " + output;
        } catch (IOException e) {
            return "dd is not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** MB/s of one sequential read of the whole file in 1 MiB reads, through the page cache as sendfile reads. */
    static double read(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1024 * 1024);
        long t0 = System.nanoTime();
        long total = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int n; (n = in.read(buffer.clear())) >= 0; ) {
                total += n;
            }
        }
        return total / (1024.0 * 1024) / ((System.nanoTime() - t0) / 1e9);
    }
}
