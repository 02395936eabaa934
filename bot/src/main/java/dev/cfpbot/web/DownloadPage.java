package dev.cfpbot.web;

import dev.cfpbot.channel.HttpRoutes;
import dev.cfpbot.links.DownloadLinks;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /download/{token}}: the file a {@link DownloadLinks} token names, if it is an export
 * (under {@code <data dir>/exports}); anything else, or a bad or expired token, is a 404 that says
 * nothing about what exists.
 */
public final class DownloadPage implements HttpRoutes {
  private static final Logger log = LoggerFactory.getLogger(DownloadPage.class);

  private final DownloadLinks links;
  private final Path dataDir;

  public DownloadPage(DownloadLinks links, Path dataDir) {
    this.links = links;
    this.dataDir = dataDir;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/download/{token}", this::download);
  }

  private void download(Context ctx) throws IOException {
    Optional<Path> file = links.verify(ctx.pathParam("token")).flatMap(this::export);
    if (file.isEmpty()) {
      Html.send(ctx, 404, "404", Html.both("链接无效或已过期。", "This link is not valid or has expired."));
      return;
    }
    String name = file.get().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    log.info("download of export {}", name);
    ctx.status(200)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        // Never run or framed as a page, whatever a browser makes of the file.
        .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox")
        .header("X-Frame-Options", "DENY")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .contentType(name.endsWith(".csv") ? "text/csv; charset=utf-8" : "application/json")
        .result(Files.newInputStream(file.get()));
  }

  /** The file at {@code path} if it really is inside the exports directory (links resolved). */
  private Optional<Path> export(String path) {
    try {
      Path exports = dataDir.resolve("exports").toRealPath();
      Path file = dataDir.resolve(path).toRealPath();
      return file.startsWith(exports) && Files.isRegularFile(file)
          ? Optional.of(file)
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
