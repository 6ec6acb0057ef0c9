package fi.polku;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class over {@value #LIMIT} lines (docs/conventions.md, "Size"): a class that grows past
 * it does more than one job, and is split along a seam that has its own name. The failure names
 * every file over the limit with its length.
 */
class SourceSizeTest {

  static final int LIMIT = 250;

  @Test
  void noMainSourceFileIsOverTheLimit() throws IOException {
    assertThat(over(Path.of("src/main/java"))).as("files over %d lines", LIMIT).isEmpty();
  }

  @Test
  void aFileOverTheLimitIsNamedWithItsLength(@org.junit.jupiter.api.io.TempDir Path sources) throws IOException {
    Path big = Files.createDirectories(sources.resolve("fi/polku/x")).resolve("Big.java");
    Files.writeString(big, "class Big {\n" + "  // a line\n".repeat(LIMIT) + "}\n");
    Files.writeString(sources.resolve("fi/polku/x/Small.java"), "class Small {\n" + "\n".repeat(LIMIT - 2) + "}\n");

    assertThat(over(sources)).containsExactly("fi/polku/x/Big.java: " + (LIMIT + 2) + " lines");
  }

  private static List<String> over(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().map(file -> {
        try {
          return new Object[] {root.relativize(file).toString().replace('\\', '/'), Files.readAllLines(file).size()};
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).filter(file -> (int) file[1] > LIMIT).map(file -> file[0] + ": " + file[1] + " lines").toList();
    }
  }
}
