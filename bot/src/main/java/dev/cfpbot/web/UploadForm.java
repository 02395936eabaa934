package dev.cfpbot.web;

import dev.cfpbot.files.PrivateFiles;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The upload page's form as it arrives: exactly one part, named {@code file}. Every part is written
 * to the spool directory as it is read (none is held in memory, however small), the whole body is
 * bounded by the field's limit, and the number of parts by {@link WebServer#MAX_FORM_PARTS}.
 */
final class UploadForm implements AutoCloseable {
  /** Room for the multipart envelope around the file. */
  static final long ENVELOPE = 64 * 1024;

  /** Why the form was refused: the status and the message key for the page. */
  record Refusal(int status, String key) {}

  private final List<Part> parts = new ArrayList<>();
  private Part file;
  private Refusal refusal;

  private UploadForm() {}

  /** Reads the form of {@code ctx}'s request, for a file of at most {@code maxBytes}. */
  static UploadForm read(Context ctx, Path spool, long maxBytes) throws IOException {
    UploadForm form = new UploadForm();
    PrivateFiles.directory(spool);
    // Threshold 0: every part goes to a file in the spool directory from its first byte.
    ctx.req()
        .setAttribute(
            "org.eclipse.jetty.multipartConfig",
            new MultipartConfigElement(spool.toString(), maxBytes + 1, maxBytes + ENVELOPE, 0));
    Collection<Part> all;
    try {
      all = ctx.req().getParts();
    } catch (Exception e) {
      // Jetty refuses a part or a body over the limit, too many parts, or a body that is no
      // multipart form (as a servlet exception, or unchecked through Javalin's Kotlin).
      form.refusal =
          tooLarge(e)
              ? new Refusal(413, "upload.too_large")
              : new Refusal(400, tooMany(e) ? "upload.one_file" : "upload.missing");
      return form;
    }
    form.parts.addAll(all);
    Part only = all.size() == 1 ? all.iterator().next() : null;
    if (only == null || !"file".equals(only.getName()) || only.getSubmittedFileName() == null) {
      form.refusal = new Refusal(400, all.isEmpty() ? "upload.missing" : "upload.one_file");
    } else if (only.getSize() == 0) {
      form.refusal = new Refusal(400, "upload.missing");
    } else {
      form.file = only;
    }
    return form;
  }

  /** The file part; null when the form was refused. */
  Part file() {
    return file;
  }

  /** Why the form was refused; null when it holds one file. */
  Refusal refusal() {
    return refusal;
  }

  /** Whether the multipart parser gave up because of a size limit. */
  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      // Jetty: "max file size exceeded: …", "max length exceeded: …"
      if (message.contains("max") && message.contains("exceeded")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the multipart parser gave up at {@link WebServer#MAX_FORM_PARTS}. */
  private static boolean tooMany(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      // Jetty: "Form with too many keys [5 > 4]"
      if (String.valueOf(t.getMessage()).contains("too many")) {
        return true;
      }
    }
    return false;
  }

  /** Deletes the spooled parts now, rather than when Jetty finishes with the request. */
  @Override
  public void close() {
    for (Part part : parts) {
      try {
        part.delete();
      } catch (IOException e) {
        // Jetty deletes it when the request completes; the housekeeping sweep after that.
      }
    }
  }
}
