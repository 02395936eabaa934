package dev.cfpbot.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a file really is, from its bytes: PDF, PowerPoint (ppt, pptx), Keynote or OpenDocument
 * presentation. A file named slides.pdf that is really something else is not a PDF.
 */
public final class FileTypes {
  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OLE2 = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final String ODP = "application/vnd.oasis.opendocument.presentation";

  private FileTypes() {}

  /** The extension that fits the content: pdf, ppt, pptx, key or odp; empty for anything else. */
  public static Optional<String> detect(Path file) throws IOException {
    byte[] head = new byte[8];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(head, 0, head.length);
    }
    if (startsWith(head, read, PDF)) {
      return Optional.of("pdf");
    }
    if (startsWith(head, read, OLE2)) {
      // An OLE2 container holds old Office files; PowerPoint ones have this stream.
      return Optional.of("ppt");
    }
    if (startsWith(head, read, ZIP)) {
      return zipKind(file);
    }
    return Optional.empty();
  }

  private static Optional<String> zipKind(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.getEntry("ppt/presentation.xml") != null) {
        return Optional.of("pptx");
      }
      ZipEntry mimetype = zip.getEntry("mimetype");
      if (mimetype != null) {
        try (InputStream in = zip.getInputStream(mimetype)) {
          String type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
          if (type.equals(ODP)) {
            return Optional.of("odp");
          }
        }
      }
      if (zip.getEntry("Index.zip") != null
          || zip.getEntry("Index/Document.iwa") != null
          || zip.getEntry("index.apxl") != null) {
        return Optional.of("key");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] head, int read, byte[] magic) {
    return read >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }
}
