package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's optional slides field: a file, a link, or nothing yet. */
class SlidesFieldTest {
  private static final long MB = 1024L * 1024L;
  private static final String TYPES = "PDF, PPT, PPTX, KEY, ODP";
  private static final String LINK = "https://www.slideshare.net/zhangsan/docker";

  private final EngineHarness h = EngineHarness.seed();
  private final String id = SeedForm.startAndAnswer(h, 6);

  private String withSlides(String value) {
    return SeedForm.block(SeedForm.TITLE).replace("演讲稿：" + SeedForm.SLIDES_LINK, "演讲稿：" + value);
  }

  @Test
  void pdfAttachment_isSavedAsAFileAnswer_andShownInTheSummary() {
    TurnResult r =
        h.send(new Content.Attachment("Docker迁移.pdf", "application/pdf", 2 * MB, "tg-file-1"));

    FileRef file = new FileRef("Docker迁移.pdf", "application/pdf", 2 * MB, null, null, "tg-file-1");
    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.file("slides", file), false));
    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("review", "answers", withSlides("Docker迁移.pdf (2.0 MB)")),
                SeedForm.REVIEW_CHOICES,
                false));
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
  }

  @Test
  void attachmentTheChannelStored_isSavedWithTheStoredFile() {
    FileRef stored =
        new FileRef("slides.pdf", "application/pdf", 3 * MB, "ab12", "files/ab12.pdf", "tg-7");

    TurnResult r =
        h.send(
            new Content.Attachment("slides.pdf", "application/pdf", 3 * MB, "tg-7", stored, null));

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.file("slides", stored), false));
  }

  @Test
  void docxAttachment_isRefusedAsFileType() {
    TurnResult r =
        h.send(new Content.Attachment("slides.docx", "application/msword", MB, "tg-file-2"));

    assertThat(r.replies())
        .containsExactly(
            SeedForm.atSlides(id, "暂不支持这种文件。请发送 PDF, PPT, PPTX, KEY, ODP 格式的演讲稿，或上传到网盘后发送链接。"));
    assertThat(r.effects()).isEmpty();
    assertThat(r.state())
        .isEqualTo(ConversationState.ask(SEED_EVENT, id, "slides", false).withFailures(1));
  }

  @Test
  void sixtyMbPdf_isRefusedAsTooBig() {
    TurnResult r =
        h.send(new Content.Attachment("slides.pdf", "application/pdf", 60 * MB, "tg-file-3"));

    assertThat(r.replies())
        .containsExactly(SeedForm.atSlides(id, h.t("invalid.file_too_big", "max", 50)));
    assertThat(h.t("invalid.file_too_big", "max", 50)).startsWith("文件太大了：最大 50 MB。");
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void fileTooLargeForTheChannel_isRefused_andAlwaysOffersTheUploadLink() {
    TurnResult r =
        h.send(
            new Content.Attachment(
                "slides.pdf",
                "application/pdf",
                30 * MB,
                "tg-file-4",
                null,
                Content.Refusal.TOO_LARGE_FOR_CHANNEL));

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("invalid.file_too_big_here"),
                List.of(SeedForm.SKIP),
                false,
                null,
                new UploadRequest(id, "slides", true)));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void fileWhoseContentIsNotWhatItsNameSays_isRefusedAsFileType() {
    TurnResult r =
        h.send(
            new Content.Attachment(
                "slides.pdf",
                "application/pdf",
                MB,
                "tg-file-5",
                null,
                Content.Refusal.CONTENT_MISMATCH));

    assertThat(r.replies())
        .containsExactly(SeedForm.atSlides(id, h.t("invalid.file_type", "types", TYPES)));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void httpsLink_typed_isSavedAsText() {
    TurnResult r = h.send(LINK);

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("slides", LINK), false));
    assertThat(r.replies().get(0).text()).isEqualTo(h.t("review", "answers", withSlides(LINK)));
  }

  @Test
  void linkCard_isSavedAsText() {
    TurnResult r = h.send(new Content.Link(LINK, "Docker 迁移"));

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.text("slides", LINK), false));
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
  }

  @Test
  void photoOrPlainText_isRefusedAsFileText() {
    String text = h.t("invalid.file_text", "types", TYPES);

    assertThat(h.send(new Content.Unsupported("photo")).replies())
        .containsExactly(SeedForm.atSlides(id, text + "\n\n" + SeedForm.Q7));
    assertThat(h.send("还没做好").replies()).containsExactly(SeedForm.atSlides(id, text));
    assertThat(h.last.effects()).isEmpty();
  }

  @Test
  void threeFailures_offerHelpSkipAndCancel() {
    h.send("还没做好");
    h.send("稍后再发");

    TurnResult r = h.send(new Content.Unsupported("sticker"));

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                h.t("invalid.file_text", "types", TYPES)
                    + "\n\n"
                    + h.t("invalid.stuck_optional")
                    + "\n\n"
                    + SeedForm.Q7,
                List.of(new Choice("帮助", "/help"), SeedForm.SKIP, new Choice("取消", "/cancel")),
                false,
                null,
                new UploadRequest(id, "slides", false)));
  }
}
