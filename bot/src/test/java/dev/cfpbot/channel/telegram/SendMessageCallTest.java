package dev.cfpbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a sendMessage answer is read for: the message's own id, and only when Telegram says ok. */
class SendMessageCallTest {

  @Test
  void okAnswer_givesTheMessageId() {
    assertThat(
            SendMessageCall.messageIdIfOk(
                "{\"ok\":true,\"result\":{\"message_id\":4711,\"date\":1764460800,"
                    + "\"chat\":{\"id\":2002,\"type\":\"private\"},\"text\":\"(1/7) 请问怎么称呼你？\"}}"))
        .isEqualTo(4711);
  }

  @Test
  void okAnswer_readsTheTopLevelId_notAQuotedMessages() {
    assertThat(
            SendMessageCall.messageIdIfOk(
                "{\"result\":{\"reply_to_message\":{\"message_id\":7,\"chat\":{\"id\":1}},"
                    + "\"entities\":[{\"type\":\"bold\",\"offset\":0}],\"message_id\":42},"
                    + "\"ok\":true}"))
        .isEqualTo(42);
  }

  @Test
  void refusal_isLeftToTheLibrary() {
    assertThat(
            SendMessageCall.messageIdIfOk(
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after"
                    + " 1\",\"parameters\":{\"retry_after\":1}}"))
        .isNull();
  }

  @Test
  void okWithoutAMessage_isLeftToTheLibrary() {
    assertThat(SendMessageCall.messageIdIfOk("{\"ok\":true,\"result\":true}")).isNull();
    assertThat(SendMessageCall.messageIdIfOk("{\"ok\":true,\"result\":{\"message_id\":\"x\"}}"))
        .isNull();
  }

  @Test
  void notJson_isLeftToTheLibrary() {
    assertThat(SendMessageCall.messageIdIfOk("<html><body>502 Bad Gateway</body></html>")).isNull();
    assertThat(SendMessageCall.messageIdIfOk("")).isNull();
    assertThat(SendMessageCall.messageIdIfOk("{\"ok\":true,\"result\":{\"message_id\":4")).isNull();
  }
}
