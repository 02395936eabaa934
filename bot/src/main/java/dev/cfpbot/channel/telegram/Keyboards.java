package dev.cfpbot.channel.telegram;

import dev.cfpbot.conversation.ButtonKeys;
import dev.cfpbot.conversation.Choice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardRemove;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

/** The keyboards under the bot's messages, built from the engine's choices. */
final class Keyboards {
  /** Telegram refuses callback data over 64 bytes. */
  static final int MAX_CALLBACK_BYTES = 64;

  static final String SHARE_PHONE = "📱 发送我的手机号 / Share my phone number";

  private Keyboards() {}

  /**
   * Buttons that send their command back when pressed (after {@code key}, the question they belong
   * to, when there is one), two or three to a row. In a channel post there is nobody to press a
   * callback button: a "/start <event>" choice becomes a link to the bot's private chat instead.
   */
  static InlineKeyboardMarkup inline(
      List<Choice> choices, String key, String botUsername, boolean post) {
    int perRow = choices.size() > 4 ? 2 : Math.max(1, Math.min(3, choices.size()));
    List<InlineKeyboardRow> rows = new ArrayList<>();
    InlineKeyboardRow row = new InlineKeyboardRow();
    for (Choice choice : choices) {
      InlineKeyboardButton button;
      String data = ButtonKeys.data(key, choice.command());
      if (post || tooLong(data)) {
        button =
            InlineKeyboardButton.builder()
                .text(choice.label())
                .url(deepLink(botUsername, choice.command()))
                .build();
      } else {
        button = InlineKeyboardButton.builder().text(choice.label()).callbackData(data).build();
      }
      row.add(button);
      if (row.size() == perRow) {
        rows.add(row);
        row = new InlineKeyboardRow();
      }
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return new InlineKeyboardMarkup(rows);
  }

  /** The one-button keyboard that shares the speaker's own number. */
  static ReplyKeyboard sharePhone() {
    KeyboardButton button = KeyboardButton.builder().text(SHARE_PHONE).requestContact(true).build();
    return ReplyKeyboardMarkup.builder()
        .keyboardRow(new KeyboardRow(button))
        .oneTimeKeyboard(true)
        .resizeKeyboard(true)
        .build();
  }

  static ReplyKeyboard removeReplyKeyboard() {
    return new ReplyKeyboardRemove(true);
  }

  /** t.me/bot?start=event for "/start event"; the bot's chat for anything else. */
  static String deepLink(String botUsername, String command) {
    String base = "https://t.me/" + botUsername;
    if (command.startsWith("/start ")) {
      return base + "?start=" + command.substring("/start ".length()).strip();
    }
    return base;
  }

  private static boolean tooLong(String data) {
    return data.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES;
  }
}
