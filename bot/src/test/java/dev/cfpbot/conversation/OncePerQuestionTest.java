package dev.cfpbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Having trouble?" comes once per question: not again after every later refusal. */
class OncePerQuestionTest {
  private static final String PHONE_REFUSED = "\n例如：138 0013 8000";
  private static final Choice HELP = new Choice("帮助", "/help");
  private static final Choice CANCEL = new Choice("取消", "/cancel");

  private final EngineHarness h = EngineHarness.seed();

  @Test
  void troubleOffer_comesAtTheThirdRefusal_andNotAtTheFourthOrFifth() {
    SeedForm.startAndAnswer(h, 3);
    h.send("12345");
    h.send("12345");
    assertThat(h.send("12345").replies())
        .containsExactly(
            new Reply(
                h.t("invalid.phone") + PHONE_REFUSED + "\n\n" + h.t("invalid.stuck_required"),
                List.of(HELP, CANCEL),
                true));

    assertThat(h.send("12345").replies())
        .containsExactly(new Reply(h.t("invalid.phone") + PHONE_REFUSED, List.of(), true));
    assertThat(h.send("12345").replies())
        .containsExactly(new Reply(h.t("invalid.phone") + PHONE_REFUSED, List.of(), true));
  }

  @Test
  void troubleOffer_afterHelp_isNotMadeAgainForThatQuestion() {
    SeedForm.startAndAnswer(h, 3);
    h.send("12345");
    h.send("/help");

    for (int i = 0; i < 4; i++) {
      assertThat(h.send("12345").replies())
          .containsExactly(new Reply(h.t("invalid.phone") + PHONE_REFUSED, List.of(), true));
    }
  }

  @Test
  void troubleOffer_comesAgainAtTheNextQuestion() {
    SeedForm.startAndAnswer(h, 3);
    for (int i = 0; i < 4; i++) {
      h.send("12345");
    }
    h.send(SeedForm.PHONE_TYPED);
    h.send("长".repeat(61));
    h.send("长".repeat(61));

    TurnResult r = h.send("长".repeat(61));

    assertThat(r.replies().get(0).text())
        .isEqualTo(
            "「演讲主题」最多 60 个字，你发了 61 个字。请精简后再发（不会被自动截断）。\n例如：从零到生产：我们的 Docker 迁移之路\n\n"
                + h.t("invalid.stuck_required"));
    assertThat(r.replies().get(0).choices()).containsExactly(HELP, CANCEL);
  }
}
