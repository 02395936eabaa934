package dev.cfpbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What the bot sent through the fake Bot API.
 *
 * @param method lower case, as it arrived: sendmessage, senddocument, pinchatmessage, ...
 * @param replyMarkup the keyboard as sent; null when there is none
 * @param document the file name (uploads) or file id (re-sends) of a document; null otherwise
 */
public record SentMessage(
    String method,
    String chatId,
    int messageId,
    String text,
    String parseMode,
    JsonNode replyMarkup,
    String document,
    Instant at) {

  /** The callback data or URLs of the inline keyboard's buttons, row by row flattened. */
  public java.util.List<String> buttons() {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (replyMarkup != null && replyMarkup.has("inline_keyboard")) {
      replyMarkup
          .get("inline_keyboard")
          .forEach(
              row ->
                  row.forEach(
                      b ->
                          out.add(
                              b.has("callback_data")
                                  ? b.get("callback_data").asText()
                                  : b.path("url").asText())));
    }
    return out;
  }
}
