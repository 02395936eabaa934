package dev.cfpbot.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small valid PDFs for tests: what a viewer can open, made here rather than shipped. */
final class Pdfs {
  private Pdfs() {}

  /** A one-page PDF that shows {@code text} (ASCII) in Helvetica. */
  static byte[] onePage(String text) {
    String stream = "BT /F1 24 Tf 72 720 Td (" + text + ") Tj ET";
    List<String> objects =
        List.of(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    int xref = out.size();
    StringBuilder table =
        new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
    write(out, table.toString());
    write(
        out,
        "trailer\n<< /Size "
            + (objects.size() + 1)
            + " /Root 1 0 R >>\nstartxref\n"
            + xref
            + "\n%%EOF\n");
    return out.toByteArray();
  }

  /** The seed answers from {@code chat}, with a one-page PDF as the slides; confirmed. */
  static void submitWithSlides(TelegramHarness h, long chat, String title) {
    h.say(chat, "/start", 1);
    for (String answer :
        java.util.List.of(
            "张三",
            "运维工程师。",
            "zhangsan_docker",
            "138 0013 8000",
            title,
            "介绍我们把单体应用迁移到 Docker 的过程。")) {
      h.say(chat, answer, 1);
    }
    int before = h.telegram.textsTo(chat).size();
    h.telegram.sendDocument(chat, "slides.pdf", "application/pdf", onePage("slides of " + chat));
    h.awaitTexts(chat, before + 1);
    h.say(chat, "确认", 1);
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
