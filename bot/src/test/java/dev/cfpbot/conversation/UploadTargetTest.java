package dev.cfpbot.conversation;

import static dev.cfpbot.conversation.EngineHarness.SEED_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.SubmissionState;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A file from the upload page names the proposal and field its link was for: the engine keeps it
 * there when the chat is on that proposal or idle, and otherwise says why not (and records it for
 * the page), changing nothing.
 */
class UploadTargetTest {
  private static final long MB = 1024L * 1024L;

  private final EngineHarness h = EngineHarness.seed();

  private static Content.Attachment upload(String submissionId, String name, long size) {
    FileRef stored = new FileRef(name, "application/pdf", size, "ab", "files/ab/ab-" + name, null);
    return new Content.Attachment(
        name,
        "application/pdf",
        size,
        null,
        stored,
        null,
        new Content.Target(submissionId, "slides"));
  }

  @Test
  void atTheSlidesQuestionOfThatDraft_isTheAnswer() {
    String id = SeedForm.startAndAnswer(h, 6);
    Content.Attachment file = upload(id, "s.pdf", MB);

    TurnResult r = h.send(file);

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.file("slides", file.stored()), false));
    assertThat(r.fileRefused()).isNull();
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
  }

  @Test
  void atTheSummaryOfThatDraft_isSaved_andTheSummaryShownAgain() {
    String id = SeedForm.startAndAnswer(h, 6);
    h.send("/skip");
    Content.Attachment file = upload(id, "s.pdf", MB);

    TurnResult r = h.send(file);

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.file("slides", file.stored()), false));
    assertThat(h.texts()).hasSize(1);
    assertThat(h.texts().get(0)).startsWith("请核对你的投稿：").contains("演讲稿：s.pdf (1.0 MB)");
    assertThat(r.state()).isEqualTo(ConversationState.on(Step.REVIEW, SEED_EVENT, id));
  }

  @Test
  void forASubmittedProposalWhileIdle_isSavedAsAnEditToConfirm() {
    String id = SeedForm.submit(h, SeedForm.TITLE);
    Content.Attachment file = upload(id, "s.pdf", MB);

    TurnResult r = h.send(file);

    assertThat(r.effects())
        .containsExactly(new Effect.SaveAnswer(id, Answer.file("slides", file.stored()), true));
    assertThat(h.texts().get(0)).startsWith("你正在修改 GZ-01：");
  }

  @Test
  void whileTheChatIsOnAnotherProposal_isRefused_andTheQuestionAskedAgain() {
    String first = SeedForm.submit(h, SeedForm.TITLE);
    String second = SeedForm.startAndAnswer(h, 2);

    TurnResult r = h.send(upload(first, "s.pdf", MB));

    assertThat(r.effects()).isEmpty();
    assertThat(r.fileRefused()).isEqualTo(FileRefusal.ELSEWHERE);
    assertThat(h.texts())
        .containsExactly("刚才上传的文件没有保存：你正在进行另一个步骤（见下方）。完成它或发送「取消」后，再打开上传链接。", SeedForm.Q3);
    assertThat(r.state()).isEqualTo(ConversationState.ask(SEED_EVENT, second, "wechat", false));
  }

  @Test
  void forAWithdrawnProposal_isRefusedWithItsState() {
    String id = SeedForm.submit(h, SeedForm.TITLE);
    h.send("/withdraw");
    h.send("/confirm");

    TurnResult r = h.send(upload(id, "s.pdf", MB));

    assertThat(h.submission(id).state()).isEqualTo(SubmissionState.WITHDRAWN);
    assertThat(r.effects()).isEmpty();
    assertThat(r.fileRefused()).isEqualTo(FileRefusal.NOT_EDITABLE);
    assertThat(h.texts())
        .containsExactly("刚才上传的文件没有保存：GZ-01 《" + SeedForm.TITLE + "》现在是「已撤回」，不能再修改。");
  }

  @Test
  void afterTheDeadline_isRefused() {
    String id = SeedForm.startAndAnswer(h, 6);
    h.now = Instant.parse("2027-10-30T16:00:00Z");

    TurnResult r = h.send(upload(id, "s.pdf", MB));

    assertThat(r.effects()).isEmpty();
    assertThat(r.fileRefused()).isEqualTo(FileRefusal.CLOSED);
    assertThat(h.texts().get(0))
        .isEqualTo("刚才上传的文件没有保存：「" + SeedForm.EVENT_TITLE + "」的投稿已于 " + SeedForm.DEADLINE + " 截止。");
  }

  @Test
  void forADraftThatNoLongerExists_isRefused() {
    String id = SeedForm.startAndAnswer(h, 6);
    h.send("/cancel");
    h.send("确认");

    TurnResult r = h.send(upload(id, "s.pdf", MB));

    assertThat(r.effects()).isEmpty();
    assertThat(r.fileRefused()).isEqualTo(FileRefusal.GONE);
    assertThat(h.texts()).containsExactly("刚才上传的文件没有保存：那个草稿已经取消了。");
  }

  @Test
  void overTheSpeakersQuota_isRefused_countingEveryProposalsFilesButTheOneReplaced()
      throws IOException {
    EngineHarness q =
        EngineHarness.of(
            Files.readString(EngineHarness.SEED_CONFIG)
                .replace("storage:\n", "storage:\n  max_mb_per_speaker: 5\n"));
    String first = SeedForm.fill(q, SeedForm.TITLE);
    q.send(upload(first, "a.pdf", 3 * MB));
    q.send("/confirm");
    String second = SeedForm.startAndAnswer(q, 6);
    q.send(upload(second, "b.pdf", 2 * MB));
    q.send("/edit slides");

    // 3 MB (the first proposal) + 3 MB here: over 5; the 2 MB it replaces no longer counts.
    TurnResult over = q.send(upload(second, "c.pdf", 3 * MB));
    TurnResult fits = q.send(upload(second, "d.pdf", 2 * MB));

    assertThat(over.effects()).isEmpty();
    assertThat(over.fileRefused()).isEqualTo(FileRefusal.QUOTA);
    assertThat(over.replies().get(0).text()).startsWith("这个文件没有保存：你所有投稿的文件合计最多 5 MB，加上它就超出了。");
    assertThat(fits.fileRefused()).isNull();
    assertThat(fits.effects()).hasSize(1);
  }

  @Test
  void fileSentInTheChat_isUnchanged_byTheQuotaWhenNotStoredByTheBot() {
    String id = SeedForm.startAndAnswer(h, 6);

    TurnResult r = h.send(new Content.Attachment("s.pdf", "application/pdf", 40 * MB, "tg-1"));

    assertThat(r.effects()).hasSize(1);
    assertThat(h.answers(id).get("slides").file().platformRef()).isEqualTo("tg-1");
  }
}
