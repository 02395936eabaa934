package dev.cfpbot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A command a speaker can give at any step, by slash command or by its Chinese or English word.
 * Words count only as the whole message, so an answer that merely contains "help" stays an answer.
 *
 * @param arg what followed a slash command ({@code /edit title}, {@code /start gz-2027-10}); may be
 *     empty
 */
public record Command(Kind kind, String arg) {

  public enum Kind {
    START,
    BACK,
    SKIP,
    CANCEL,
    EDIT,
    HELP,
    STATUS,
    WITHDRAW,
    LANG,
    CONFIRM,
    CONTINUE,
    RESTART,
    REMINDERS,
    ABOUT,
    MYDATA,
    FORGET,
    /** An accepted speaker will give the talk: 确认参加. */
    ATTEND,
    /** An accepted (or confirmed) speaker cannot give the talk: 无法参加. */
    DECLINE
  }

  private static final Map<String, Kind> SLASH =
      Map.ofEntries(
          Map.entry("start", Kind.START),
          Map.entry("submit", Kind.START),
          Map.entry("back", Kind.BACK),
          Map.entry("skip", Kind.SKIP),
          Map.entry("cancel", Kind.CANCEL),
          Map.entry("edit", Kind.EDIT),
          Map.entry("help", Kind.HELP),
          Map.entry("status", Kind.STATUS),
          Map.entry("withdraw", Kind.WITHDRAW),
          Map.entry("lang", Kind.LANG),
          Map.entry("language", Kind.LANG),
          Map.entry("confirm", Kind.CONFIRM),
          Map.entry("continue", Kind.CONTINUE),
          Map.entry("restart", Kind.RESTART),
          Map.entry("reminders", Kind.REMINDERS),
          Map.entry("about", Kind.ABOUT),
          Map.entry("info", Kind.ABOUT),
          Map.entry("mydata", Kind.MYDATA),
          Map.entry("forget", Kind.FORGET),
          Map.entry("attend", Kind.ATTEND),
          Map.entry("decline", Kind.DECLINE));

  private static final Map<Kind, List<String>> WORDS =
      Map.ofEntries(
          Map.entry(Kind.START, List.of("投稿", "我要投稿", "submit", "start")),
          Map.entry(Kind.BACK, List.of("返回", "上一步", "上一题", "back")),
          Map.entry(Kind.SKIP, List.of("跳过", "skip")),
          Map.entry(Kind.CANCEL, List.of("取消", "放弃", "cancel")),
          Map.entry(Kind.EDIT, List.of("修改", "edit")),
          Map.entry(Kind.HELP, List.of("帮助", "help", "?", "？")),
          Map.entry(Kind.STATUS, List.of("我的投稿", "状态", "status")),
          Map.entry(Kind.WITHDRAW, List.of("撤回", "withdraw")),
          Map.entry(Kind.LANG, List.of("语言", "language", "english", "中文")),
          Map.entry(Kind.CONFIRM, List.of("确认", "提交", "确认撤回", "confirm")),
          Map.entry(Kind.CONTINUE, List.of("继续", "continue")),
          Map.entry(Kind.RESTART, List.of("重新开始", "重来", "restart", "start over")),
          Map.entry(Kind.ABOUT, List.of("活动信息", "活动介绍", "about")),
          Map.entry(Kind.MYDATA, List.of("我的数据", "my data")),
          Map.entry(Kind.FORGET, List.of("删除我的数据", "forget my data")),
          Map.entry(Kind.ATTEND, List.of("确认参加", "i'll be there", "i will be there", "attend")),
          Map.entry(
              Kind.DECLINE, List.of("无法参加", "i can't make it", "i cannot make it", "decline")));

  /** The command in {@code text}, or empty when the text is an answer. */
  public static Optional<Command> parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.startsWith("/") && t.length() > 1) {
      String[] parts = t.substring(1).split("\\s+", 2);
      // Telegram adds the bot's name to commands in groups: /start@cfp_bot
      String name = parts[0].split("@", 2)[0].toLowerCase(Locale.ROOT);
      Kind kind = SLASH.get(name);
      return kind == null
          ? Optional.empty()
          : Optional.of(new Command(kind, parts.length > 1 ? parts[1].strip() : ""));
    }
    String lower = t.toLowerCase(Locale.ROOT);
    for (Map.Entry<Kind, List<String>> e : WORDS.entrySet()) {
      if (e.getValue().contains(lower)) {
        // "english" and "中文" name the language they switch to.
        String arg =
            e.getKey() == Kind.LANG && !lower.equals("语言") && !lower.equals("language")
                ? lower
                : "";
        return Optional.of(new Command(e.getKey(), arg));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code text} is a slash command this engine does not know (e.g. an organizer's). */
  public static boolean isUnknownSlash(String text) {
    String t = text == null ? "" : text.strip();
    return t.startsWith("/") && t.length() > 1 && parse(t).isEmpty();
  }
}
