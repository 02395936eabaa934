package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.config.ConfigLoader;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.FieldType;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Localized;
import dev.cfpbot.testing.TestBot;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RehearsalScriptTest {

  @Test
  void shippedConfig_isAWholeSubmissionToTheFirstEvent_withTheFormsExamples() {
    var config = ConfigLoader.load(TestBot.shippedConfigWithoutDigest(), Set.of("wechat"));

    assertThat(RehearsalScript.of(config))
        .containsExactly(
            "/start gz-2027-10-docker",
            "张三",
            "某互联网公司运维工程师，负责把 200 多个服务迁移到 Docker。",
            "zhangsan_docker",
            "138 0013 8000",
            "从零到生产：我们的 Docker 迁移之路",
            "介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。",
            "/skip",
            "/confirm");
  }

  @Test
  void fieldsWithoutExamples_getAnAnswerOfTheirType_withinTheirLengths() {
    assertThat(RehearsalScript.answer(field(FieldType.PHONE, true, null, null), Lang.ZH))
        .isEqualTo("13800138000");
    assertThat(RehearsalScript.answer(field(FieldType.EMAIL, true, null, null), Lang.ZH))
        .isEqualTo("speaker@example.org");
    assertThat(RehearsalScript.answer(field(FieldType.FILE, true, null, null), Lang.ZH))
        .isEqualTo("https://example.org/slides.pdf");
    assertThat(RehearsalScript.answer(field(FieldType.LONG_TEXT, true, 25, null), Lang.ZH))
        .isEqualTo("rehearsal rehearsal rehearsal");
    assertThat(RehearsalScript.answer(field(FieldType.SHORT_TEXT, true, null, 5), Lang.ZH))
        .isEqualTo("rehea");
  }

  private static Field field(FieldType type, boolean required, Integer min, Integer max) {
    Localized text = new Localized("问", "Q");
    return new Field(
        "f", type, required, text, text, null, min, max, null, null, null, null, List.of());
  }
}
