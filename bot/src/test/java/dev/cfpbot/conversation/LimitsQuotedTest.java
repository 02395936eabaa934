package dev.cfpbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cfpbot.config.ConfigException;
import dev.cfpbot.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message that quotes a limit quotes the field's real rule: the type's own where it has one.
 */
class LimitsQuotedTest {
  private final EngineHarness h = EngineHarness.seed();

  private String help(String field) {
    return h.t("help") + "\n\n" + field;
  }

  @Test
  void wechatId_of5000Characters_isRefusedWithTheWechatRule_notALengthLimit() {
    SeedForm.startAndAnswer(h, 2);

    TurnResult r = h.send("a".repeat(5000));

    assertThat(r.replies())
        .containsExactly(
            new Reply(
                "微信号需要 6–20 个字符，以字母开头，只能包含字母、数字、下划线（_）和减号（-）；也可以填写绑定微信的手机号。\n例如：zhangsan_docker",
                List.of(SeedForm.SKIP),
                false));
    assertThat(r.effects()).isEmpty();
  }

  @Test
  void phone_of200Characters_isRefusedWithThePhoneRule() {
    SeedForm.startAndAnswer(h, 3);

    TurnResult r = h.send("1".repeat(200));

    assertThat(r.replies().get(0).text())
        .isEqualTo(
            "这不像是一个手机号。请填写中国大陆手机号（如 138 0013 8000），或带国家/地区代码的号码（如香港 +852 5123 4567）。\n例如：138 0013 8000");
  }

  @Test
  void help_atThePhoneQuestion_quotesThePhoneRule() {
    SeedForm.startAndAnswer(h, 3);

    h.send("/help");

    assertThat(h.texts().get(0))
        .isEqualTo(
            help(
                "当前的问题：「联系电话」，必填：中国大陆手机号（如 138 0013 8000），或带国家/地区代码的号码（如香港 +852 5123 4567）。\n例如：138 0013 8000"));
  }

  @Test
  void help_atThePhoneQuestion_inEnglish_quotesThePhoneRule() {
    h.send("/lang en");
    SeedForm.startAndAnswer(h, 3);

    h.send("/help");

    assertThat(h.texts().get(0))
        .isEqualTo(
            help(
                "Current question: Phone, required: a mainland China mobile number (e.g. 138 0013"
                    + " 8000) or a number with its country code (e.g. Hong Kong +852 5123 4567).\n"
                    + "For example: +86 138 0013 8000"));
  }

  @Test
  void help_atTheWechatQuestion_quotesTheWechatRule() {
    SeedForm.startAndAnswer(h, 2);

    h.send("/help");

    assertThat(h.texts().get(0))
        .isEqualTo(
            help(
                "当前的问题：「微信号」，选填：6–20 个字符，以字母开头，只能包含字母、数字、下划线（_）和减号（-）；也可以填写绑定微信的手机号。\n例如：zhangsan_docker"));
  }

  @Test
  void help_atTheWechatQuestion_inEnglish_quotesTheWechatRule() {
    h.send("/lang en");
    SeedForm.startAndAnswer(h, 2);

    h.send("/help");

    assertThat(h.texts().get(0))
        .isEqualTo(
            help(
                "Current question: WeChat ID, optional: 6-20 characters, starting with a letter,"
                    + " with only letters, digits, _ and -; or the phone number your WeChat is"
                    + " linked to.\nFor example: zhangsan_docker"));
  }

  @Test
  void help_atATextQuestion_quotesItsLength_withTheMinimumWhenThereIsOne() {
    SeedForm.startAndAnswer(h, 0);
    h.send("/help");
    assertThat(h.texts().get(0)).isEqualTo(help("当前的问题：「姓名」，必填：最多 50 个字。\n例如：张三"));

    SeedForm.answers(SeedForm.TITLE).stream().limit(5).forEach(h::send);
    h.send("/help");
    assertThat(h.texts().get(0))
        .isEqualTo(
            help("当前的问题：「主题简要介绍」，必填：20–1000 个字。\n例如：介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。"));
  }

  @Test
  void help_atTheSlidesQuestion_quotesTheFileTypesAndSize() {
    SeedForm.startAndAnswer(h, 6);

    h.send("/help");

    assertThat(h.texts().get(0))
        .isEqualTo(
            help("当前的问题：「演讲稿」，选填：演讲稿文件（PDF, PPT, PPTX, KEY, ODP），最大 50 MB，或网盘链接（以 https:// 开头）。"));
  }

  @Test
  void help_atEmailAndUrlQuestions_quotesTheirRules() {
    EngineHarness c =
        EngineHarness.of(TestConfigs.config(3, TestConfigs.CONTACT_FORM, TestConfigs.GUANGZHOU));
    c.send("/start");
    c.send("张三");

    c.send("/help");
    assertThat(c.texts().get(0)).isEqualTo(c.t("help") + "\n\n当前的问题：「邮箱」，必填：邮箱地址，最多 254 个字符。");
    c.send("zhangsan@example.org");
    c.send("/lang en");
    c.send("/help");
    assertThat(c.texts().get(0))
        .isEqualTo(
            c.t("help")
                + "\n\nCurrent question: Homepage, optional: a link starting with http:// or"
                + " https://, at most 2000 characters.");
  }

  @Test
  void lengthLimits_onAWechatIdField_areRefusedAtStart_sinceItsFormatSetsItsLength() {
    String yaml =
        """
        events:
          - id: gz-2027-10-docker
            title: Docker
            deadline: 2027-10-30T23:59
        form:
          fields:
            - id: wechat
              type: wechat_id
              required: false
              max_length: 10
              label: 微信号
              prompt: 你的微信号是？
        """;

    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "cfp.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfp.yaml line 7: form.fields[0]: field 'wechat': min_length and max_length do not"
                + " apply to wechat_id fields, whose format sets their length");
  }
}
