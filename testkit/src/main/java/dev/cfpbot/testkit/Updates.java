package dev.cfpbot.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Builds Bot API update objects as Telegram sends them. */
final class Updates {
  private final ObjectMapper json;

  Updates(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode user(long id, String languageCode) {
    ObjectNode user = json.createObjectNode();
    user.put("id", id).put("is_bot", false).put("first_name", "User" + id);
    if (languageCode != null) {
      user.put("language_code", languageCode);
    }
    return user;
  }

  ObjectNode chat(long id) {
    ObjectNode chat = json.createObjectNode();
    chat.put("id", id);
    if (id < 0) {
      chat.put("type", id < -1000000000000L ? "channel" : "group").put("title", "Chat " + id);
    } else {
      chat.put("type", "private").put("first_name", "User" + id);
    }
    return chat;
  }

  ObjectNode message(int messageId, long chatId, long userId, String languageCode) {
    ObjectNode message = json.createObjectNode();
    message.put("message_id", messageId).put("date", Instant.now().getEpochSecond());
    message.set("chat", chat(chatId));
    message.set("from", user(userId, languageCode));
    return message;
  }

  ObjectNode text(ObjectNode message, String text) {
    message.put("text", text);
    if (text.startsWith("/")) {
      int length = text.contains(" ") ? text.indexOf(' ') : text.length();
      message
          .putArray("entities")
          .addObject()
          .put("type", "bot_command")
          .put("offset", 0)
          .put("length", length);
    }
    return message;
  }

  /** The same message after its sender edited it to {@code text} (an edited_message update). */
  ObjectNode edited(int messageId, long chatId, String text) {
    ObjectNode message = text(message(messageId, chatId, chatId, "zh-hans"), text);
    message.put("edit_date", Instant.now().getEpochSecond());
    return message;
  }

  ObjectNode document(ObjectNode message, String fileId, String name, String mime, long size) {
    message
        .putObject("document")
        .put("file_id", fileId)
        .put("file_unique_id", "u" + fileId)
        .put("file_name", name)
        .put("mime_type", mime)
        .put("file_size", size);
    return message;
  }

  ObjectNode contact(ObjectNode message, String phone, long userId) {
    message
        .putObject("contact")
        .put("phone_number", phone)
        .put("first_name", "User" + userId)
        .put("user_id", userId);
    return message;
  }

  ObjectNode photo(ObjectNode message) {
    message
        .putArray("photo")
        .addObject()
        .put("file_id", "ph")
        .put("file_unique_id", "uph")
        .put("width", 90)
        .put("height", 90);
    return message;
  }

  ObjectNode callback(String id, long chatId, long userId, int messageId, String data) {
    ObjectNode callback = json.createObjectNode();
    callback.put("id", id).put("chat_instance", "ci" + chatId).put("data", data);
    callback.set("from", user(userId, null));
    ObjectNode message = json.createObjectNode();
    message
        .put("message_id", messageId)
        .put("date", Instant.now().getEpochSecond())
        .put("text", "…");
    message.set("chat", chat(chatId));
    callback.set("message", message);
    return callback;
  }
}
