package dev.cfpbot.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * What a Telegram start and its first messages run, without the network ({@link
 * TelegramChannelFactory#rehearse}): the client made, getMe's answer read, a batch of updates read
 * by the library and again by our reader, and a reply with buttons written. The first update after
 * a restart loaded some 500 of the library's classes (its Bot API objects) before the reply could
 * leave, 0.3 s of the first reply (class-load log, 2026-12-01).
 */
final class Rehearsal {
  private static final String ME =
      """
      {"ok":true,"result":{"id":1,"is_bot":true,"first_name":"cfp","username":"cfp_bot"}}""";

  private static final String UPDATE =
      """
      {"update_id":1,"message":{"message_id":1,"date":1,"text":"/start","chat":{"id":2,\
      "type":"private","first_name":"a"},"from":{"id":2,"is_bot":false,"first_name":"a"},\
      "entities":[{"type":"bot_command","offset":0,"length":6}]}}""";

  private static final String PRESS =
      """
      {"update_id":2,"callback_query":{"id":"3","data":"x","chat_instance":"4",\
      "from":{"id":2,"is_bot":false,"first_name":"a"},"message":{"message_id":1,"date":1,\
      "chat":{"id":2,"type":"private","first_name":"a"},"text":"?"}}}""";

  private Rehearsal() {}

  static void run() throws TelegramApiException, JsonProcessingException {
    OkHttpClient http = TelegramChannel.http();
    try {
      new OkHttpTelegramClient(http, "0:rehearsal");
      new GetMe().deserializeResponse(ME);
      List<Update> updates =
          new GetUpdates()
              .deserializeResponse("{\"ok\":true,\"result\":[" + UPDATE + "," + PRESS + "]}");
      UpdateReader.JSON.readValue(UPDATE, Update.class);
      SendMessage reply =
          SendMessage.builder()
              .chatId(updates.get(0).getMessage().getChatId())
              .text("?")
              .replyMarkup(Keyboards.sharePhone())
              .build();
      reply.validate();
      UpdateReader.JSON.writeValueAsString(reply);
      SendMessageCall.messageIdIfOk("{\"ok\":true,\"result\":{\"message_id\":5}}");
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
