package dev.cfpbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.conversation.Command.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTest {

  @ParameterizedTest
  @CsvSource({
    "/start, START",
    "/submit, START",
    "/back, BACK",
    "/skip, SKIP",
    "/cancel, CANCEL",
    "/edit, EDIT",
    "/help, HELP",
    "/status, STATUS",
    "/withdraw, WITHDRAW",
    "/lang, LANG",
    "/language, LANG",
    "/confirm, CONFIRM",
    "/continue, CONTINUE",
    "/restart, RESTART",
    "/reminders, REMINDERS",
    "/about, ABOUT",
    "/info, ABOUT",
    "/START, START",
    "'  /help  ', HELP"
  })
  void slashCommand_isParsed_withEmptyArg(String text, Kind kind) {
    assertThat(Command.parse(text)).contains(new Command(kind, ""));
  }

  @ParameterizedTest
  @CsvSource({
    "投稿, START",
    "我要投稿, START",
    "submit, START",
    "start, START",
    "返回, BACK",
    "上一步, BACK",
    "上一题, BACK",
    "back, BACK",
    "跳过, SKIP",
    "skip, SKIP",
    "取消, CANCEL",
    "放弃, CANCEL",
    "cancel, CANCEL",
    "修改, EDIT",
    "edit, EDIT",
    "帮助, HELP",
    "help, HELP",
    "?, HELP",
    "？, HELP",
    "我的投稿, STATUS",
    "状态, STATUS",
    "status, STATUS",
    "活动信息, ABOUT",
    "活动介绍, ABOUT",
    "about, ABOUT",
    "撤回, WITHDRAW",
    "withdraw, WITHDRAW",
    "语言, LANG",
    "language, LANG",
    "确认, CONFIRM",
    "提交, CONFIRM",
    "确认撤回, CONFIRM",
    "confirm, CONFIRM",
    "继续, CONTINUE",
    "continue, CONTINUE",
    "重新开始, RESTART",
    "重来, RESTART",
    "restart, RESTART",
    "start over, RESTART",
    "Help, HELP",
    "START OVER, RESTART",
    "' 确认 ', CONFIRM"
  })
  void word_asWholeMessage_isACommand(String text, Kind kind) {
    assertThat(Command.parse(text)).contains(new Command(kind, ""));
  }

  @ParameterizedTest
  @CsvSource({"english, english", "English, english", "中文, 中文"})
  void languageWord_namesTheLanguage(String text, String arg) {
    assertThat(Command.parse(text)).contains(new Command(Kind.LANG, arg));
  }

  @Test
  void startInAGroup_withBotNameAndDeepLink_givesStartWithArg() {
    assertThat(Command.parse("/start@my_bot gz-2027-10-docker"))
        .contains(new Command(Kind.START, "gz-2027-10-docker"));
  }

  @Test
  void slashCommand_keepsWhatFollowsAsArg() {
    assertThat(Command.parse("/lang en")).contains(new Command(Kind.LANG, "en"));
    assertThat(Command.parse("/edit title")).contains(new Command(Kind.EDIT, "title"));
    assertThat(Command.parse("/withdraw   GZ-02  ")).contains(new Command(Kind.WITHDRAW, "GZ-02"));
    assertThat(Command.parse("/reminders off")).contains(new Command(Kind.REMINDERS, "off"));
    assertThat(Command.parse("/edit 我的 演讲")).contains(new Command(Kind.EDIT, "我的 演讲"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"help me", "我要投稿了", "请帮助我", "取消一下", "start the form", "张三", "/", "", "   "})
  void textThatOnlyContainsAWord_isNoCommand(String text) {
    assertThat(Command.parse(text)).isEmpty();
    assertThat(Command.isUnknownSlash(text)).isFalse();
  }

  @Test
  void null_isNoCommand() {
    assertThat(Command.parse(null)).isEmpty();
    assertThat(Command.isUnknownSlash(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/accept GZ-01", "/foo", "/help_me", "/ start", "/start_now"})
  void unknownSlashCommand_isNoCommand_butIsRecognisedAsUnknown(String text) {
    assertThat(Command.parse(text)).isEmpty();
    assertThat(Command.isUnknownSlash(text)).isTrue();
  }

  @Test
  void knownSlashCommand_isNotUnknown() {
    assertThat(Command.isUnknownSlash("/start")).isFalse();
    assertThat(Command.isUnknownSlash("/start@my_bot")).isFalse();
  }
}
